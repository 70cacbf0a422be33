//===- LayerShadowingTest.cpp - Files a function finds twice --------------===//

#include "plan/LayerShadowing.h"

#include "gtest/gtest.h"

using namespace brisk;

namespace {

ShareableUnit unit(std::string Id, std::string Name,
                   std::vector<std::string> Paths) {
  ShareableUnit U;
  U.Id = std::move(Id);
  U.Name = std::move(Name);
  for (std::string &P : Paths)
    U.Files.push_back({P, "python/" + P});
  return U;
}

LayerOutput layer(std::string Name, std::vector<std::string> UnitIds) {
  LayerOutput L;
  L.Name = std::move(Name);
  L.UnitIds = std::move(UnitIds);
  PlannedFile Folder;
  Folder.ZipPath = "python/yaml";
  Folder.Kind = FileKind::Folder;
  L.Files.push_back(Folder);
  return L;
}

FunctionPlan function(std::vector<std::string> Layers,
                      std::vector<std::string> Own) {
  FunctionPlan Plan;
  Plan.Name = "fn";
  Plan.Layers = std::move(Layers);
  for (std::string &P : Own) {
    PlannedFile F;
    F.ZipPath = P;
    Plan.Files.push_back(F);
  }
  return Plan;
}

TEST(LayerShadowing, LaterLayerAndOwnFilesAreNamed) {
  LayerProblem P;
  P.Units = {unit("1", "yaml 1.0", {"yaml", "yaml/a.py", "yaml/b.py"}),
             unit("2", "yaml 2.0", {"yaml", "yaml/a.py"}),
             unit("3", "six 1.0", {"six.py"})};
  std::vector<LayerOutput> Layers = {layer("L1", {"1", "3"}),
                                     layer("L2", {"2"})};
  std::vector<std::string> Notes = findShadowing(
      {function({"L1", "L2"}, {"six.py", "handler.py"})}, Layers, P);
  ASSERT_EQ(Notes.size(), 2u);
  // The folder both hold is not a shadow; yaml/b.py is L1's alone.
  EXPECT_EQ(Notes[0], "'fn': layer 'L2' overwrites 'yaml 1.0' of layer 'L1' "
                      "at 'yaml/a.py'");
  EXPECT_EQ(Notes[1], "'fn' ships its own 'six.py', which shadows 'six 1.0' "
                      "of layer 'L1' (attached for other units): the "
                      "function's copy is the one loaded");
}

TEST(LayerShadowing, DistinctPathsAndLayersOfOthersAreSilent) {
  LayerProblem P;
  P.Units = {unit("1", "yaml 1.0", {"yaml/a.py"}),
             unit("2", "six 1.0", {"six.py"})};
  std::vector<LayerOutput> Layers = {layer("L1", {"1"}), layer("L2", {"2"})};
  // Its own six.py, but L2 (with six) is not one of its layers.
  EXPECT_TRUE(
      findShadowing({function({"L1"}, {"six.py", "yaml"})}, Layers, P).empty());
}

} // namespace
