//===- LayerPlannerTest.cpp - The layer planner on synthetic instances ----===//

#include "layers/LayerPlanner.h"
#include "layers/PlanEvaluator.h"

#include "gtest/gtest.h"

#include <optional>
#include <random>

using namespace brisk;

namespace {

constexpr uint64_t MB = 1000000;

class Instance {
public:
  Instance() { P.Limits = LayerLimits(); }

  size_t function(const std::string &Name, uint64_t Own = 1000) {
    LayerFunction F;
    F.Name = Name;
    F.OwnUnzippedBytes = Own;
    F.OwnZipBytes = Own / 2;
    P.Functions.push_back(F);
    return P.Functions.size() - 1;
  }
  size_t unit(const std::string &Name, uint64_t Unzipped,
              std::vector<size_t> Users, uint64_t Zipped = 0) {
    ShareableUnit U;
    U.Name = Name;
    U.Id = std::string(8 - std::min<size_t>(8, Name.size()), '0') + Name;
    U.Files.push_back({"lib/" + Name, "lib/" + Name});
    U.UnzippedBytes = Unzipped;
    U.ZipBytes = Zipped ? Zipped : Unzipped / 2;
    U.Users = std::move(Users);
    P.Units.push_back(U);
    return P.Units.size() - 1;
  }

  LayerProblem P;
};

// Bytes stored when each unit is where Plan says.
uint64_t storedBy(const LayerProblem &P, const LayerPlan &Plan) {
  Placement Where(Plan.UnitLayer.begin(), Plan.UnitLayer.end());
  return PlanEvaluator(P).evaluate(Where).Stored;
}

TEST(LayerPlannerTest, NothingSharedIsNothingToPlan) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b");
  I.unit("libx", 4000, {A});
  I.unit("liby", 4000, {B});
  LayerPlan Plan = planLayers(I.P);
  EXPECT_EQ(Plan.Method, PlanMethod::Nothing);
  EXPECT_TRUE(Plan.Layers.empty());
  EXPECT_EQ(Plan.StoredBytes, Plan.LowerBound);
  EXPECT_TRUE(Plan.Binding.empty());
}

TEST(LayerPlannerTest, OneSharedGroupIsOneLayerAtTheBound) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b"), C = I.function("c");
  I.unit("libcurl", 400000, {A, B, C});
  I.unit("libssl", 600000, {A, B, C});
  I.unit("libarchive", 300000, {C});
  LayerPlan Plan = planLayers(I.P);
  EXPECT_EQ(Plan.Method, PlanMethod::Exact);
  EXPECT_EQ(Plan.Groups, 1u);
  ASSERT_EQ(Plan.Layers.size(), 1u);
  EXPECT_EQ(Plan.Layers[0].Units, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(Plan.Layers[0].Users, (std::vector<size_t>{A, B, C}));
  EXPECT_EQ(Plan.UnitLayer, (std::vector<int>{0, 0, -1}));
  // Own zips 3 * 500, each shared unit once, libarchive once.
  EXPECT_EQ(Plan.LowerBound, 1500u + 200000 + 300000 + 150000);
  EXPECT_EQ(Plan.StoredBytes, Plan.LowerBound + LayerZipOverhead);
  EXPECT_TRUE(Plan.Binding.empty());
  EXPECT_TRUE(Plan.Instead.empty());
}

TEST(LayerPlannerTest, MaxLayersZeroKeepsEverythingInFunctions) {
  Instance I;
  I.P.Limits.MaxLayers = 0;
  size_t A = I.function("a"), B = I.function("b");
  I.unit("libcurl", 400000, {A, B});
  LayerPlan Plan = planLayers(I.P);
  EXPECT_TRUE(Plan.Layers.empty());
  EXPECT_EQ(Plan.StoredBytes, Plan.LowerBound + 200000);
  EXPECT_EQ(Plan.Binding,
            (std::vector<std::string>{"'a' would need 1 layer, at most 0",
                                      "'b' would need 1 layer, at most 0"}));
  ASSERT_EQ(Plan.Instead.size(), 1u);
  EXPECT_EQ(
      Plan.Instead[0],
      "'libcurl' stays in 'a' and 'b' (2 copies of 200,000 bytes zipped)");
}

TEST(LayerPlannerTest, TooManyGroupsForOneFunctionAreMerged) {
  // 'hub' shares one library with each of six others: six groups, five
  // layers at most. Merging two costs nothing stored, so the plan still
  // reaches the bound (plus one layer's overhead per layer).
  Instance I;
  size_t Hub = I.function("hub");
  for (int K = 0; K < 6; ++K) {
    size_t F = I.function("f" + std::to_string(K));
    I.unit("lib" + std::to_string(K), 1 * MB, {Hub, F});
  }
  LayerPlan Plan = planLayers(I.P);
  EXPECT_EQ(Plan.Method, PlanMethod::Exact);
  EXPECT_EQ(Plan.Groups, 6u);
  EXPECT_LE(Plan.FunctionLayers[Hub].size(), 5u);
  EXPECT_EQ(Plan.StoredBytes,
            Plan.LowerBound + Plan.Layers.size() * LayerZipOverhead);
  for (int U : Plan.UnitLayer)
    EXPECT_GE(U, 0);
}

TEST(LayerPlannerTest, TheBudgetBindsWhenMergingWouldOverfill) {
  // With one layer each, 'big' (240 MB of its own) cannot attach libb,
  // which 'mid' shares with 'small': 'mid' keeps one of its two.
  Instance I;
  I.P.Limits.MaxLayers = 1;
  size_t Mid = I.function("mid"), Big = I.function("big", 240 * MB),
         Small = I.function("small");
  I.unit("liba", 10 * MB, {Mid, Big}, 4 * MB);
  I.unit("libb", 20 * MB, {Mid, Small}, 3 * MB);
  LayerPlan Plan = planLayers(I.P);
  ASSERT_EQ(Plan.Layers.size(), 1u);
  // The larger saving wins the one layer.
  EXPECT_EQ(Plan.UnitLayer, (std::vector<int>{0, -1}));
  EXPECT_EQ(Plan.StoredBytes, Plan.LowerBound + 3 * MB + LayerZipOverhead);
  EXPECT_EQ(Plan.Binding,
            (std::vector<std::string>{
                "'mid' would need 2 layers, at most 1",
                "'big' + its layers would be 270,000,000 bytes, over "
                "262,144,000"}));
  EXPECT_EQ(Plan.Instead,
            (std::vector<std::string>{"'libb' stays in 'mid' and 'small' (2 "
                                      "copies of 3,000,000 bytes zipped)"}));
}

TEST(LayerPlannerTest, ZipLimitSplitsLayersAndKeepsTooLargeUnits) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b");
  I.unit("libLLVM", 129 * MB, {A, B}, 40 * MB);
  I.unit("libclang-cpp", 71 * MB, {A, B}, 20 * MB);
  I.unit("libhuge", 60 * MB, {A, B}, 55 * MB);
  LayerPlan Plan = planLayers(I.P);
  // 40 + 20 MB do not fit one 52,428,800-byte zip: two layers.
  ASSERT_EQ(Plan.Layers.size(), 2u);
  EXPECT_EQ(Plan.UnitLayer[2], -1);
  EXPECT_EQ(Plan.Binding, (std::vector<std::string>{
                              "'libhuge' alone would make a 55,000,128-byte "
                              "layer zip, over the 52,428,800-byte direct "
                              "upload limit"}));
  I.P.Limits.AllowS3Upload = true;
  LayerPlan S3 = planLayers(I.P);
  ASSERT_EQ(S3.Layers.size(), 1u);
  EXPECT_TRUE(S3.Binding.empty());
}

TEST(LayerPlannerTest, RefusedPathsAndDependenciesAreHonoured) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b"), C = I.function("c");
  size_t Libc = I.unit("libc.so.6", 2 * MB, {A, B});
  size_t Curl = I.unit("libcurl", 1 * MB, {A, B, C});
  // 'c' runs on the image's libc: a layer holding the bundled one is not
  // for it, so libc and libcurl cannot share a layer.
  I.P.Functions[C].RefusedLayerPaths = {"lib/libc.so.6"};
  LayerPlan Plan = planLayers(I.P);
  ASSERT_GE(Plan.UnitLayer[Libc], 0);
  ASSERT_GE(Plan.UnitLayer[Curl], 0);
  EXPECT_NE(Plan.UnitLayer[Libc], Plan.UnitLayer[Curl]);
  for (size_t L : Plan.FunctionLayers[C])
    EXPECT_NE(L, size_t(Plan.UnitLayer[Libc]));

  // A unit that needs one which must stay cannot go to a layer.
  Instance D;
  size_t X = D.function("x"), Y = D.function("y");
  size_t Express = D.unit("express", 1 * MB, {X, Y});
  size_t Local = D.unit("local-helper", 1 * MB, {X, Y});
  D.P.Units[Local].MustStay = true;
  D.P.Units[Express].Dependencies = {Local};
  LayerPlan Kept = planLayers(D.P);
  EXPECT_EQ(Kept.UnitLayer, (std::vector<int>{-1, -1}));
  EXPECT_EQ(Kept.Binding,
            (std::vector<std::string>{"'express' would be in a layer without "
                                      "'local-helper', which it needs"}));
}

TEST(LayerPlannerTest, SameLayerPathTwiceNeverReachesOneFunction) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b"), C = I.function("c");
  I.unit("libfoo-1", 1 * MB, {A, B});
  I.unit("libfoo-2", 1 * MB, {B, C});
  I.P.Units[0].Files[0].LayerPath = I.P.Units[1].Files[0].LayerPath =
      "lib/libfoo.so.1";
  LayerPlan Plan = planLayers(I.P);
  // 'b' would see two libfoo.so.1 in /opt/lib: only one goes to a layer.
  EXPECT_EQ(Plan.Layers.size(), 1u);
  EXPECT_EQ(Plan.Binding, (std::vector<std::string>{
                              "'libfoo-1' and 'libfoo-2' would both be at one "
                              "layer path for 'b'"}));
}

// Units with pairwise different users, so that placing groups is placing
// units: the exact search must match trying every placement of units. None
// when no placement fits Lambda's limits.
std::optional<uint64_t> bruteForce(const LayerProblem &P) {
  PlanEvaluator Eval(P);
  size_t N = P.Units.size();
  Placement Where(N, -1);
  std::optional<Evaluation> Best;
  std::function<void(size_t, int)> Visit = [&](size_t U, int Blocks) {
    if (U == N) {
      Evaluation E = Eval.evaluate(Where);
      if (E.Feasible && (!Best || PlanEvaluator::cheaper(E, *Best)))
        Best = std::move(E);
      return;
    }
    for (int B = -1; B <= Blocks; ++B) {
      Where[U] = B;
      Visit(U + 1, B == Blocks ? Blocks + 1 : Blocks);
    }
    Where[U] = -1;
  };
  Visit(0, 0);
  if (!Best)
    return std::nullopt;
  return Best->Stored;
}

TEST(LayerPlannerTest, ExactMatchesBruteForceOnRandomInstances) {
  std::mt19937 Random(7);
  int Feasible = 0;
  for (int Round = 0; Round < 40; ++Round) {
    Instance I;
    I.P.Limits.MaxLayers = 1 + Random() % 2;
    size_t NF = 4 + Random() % 2;
    for (size_t F = 0; F < NF; ++F)
      I.function("f" + std::to_string(F), (20 + Random() % 180) * MB);
    std::set<std::vector<size_t>> Seen;
    while (I.P.Units.size() < 6) {
      std::vector<size_t> Users;
      for (size_t F = 0; F < NF; ++F)
        if (Random() % 2)
          Users.push_back(F);
      if (Users.size() < 2 || !Seen.insert(Users).second)
        continue;
      uint64_t Size = (1 + Random() % 40) * MB;
      I.unit("u" + std::to_string(I.P.Units.size()), Size, Users,
             Size / (2 + Random() % 3));
    }
    LayerPlan Plan = planLayers(I.P);
    ASSERT_EQ(Plan.Method, PlanMethod::Exact);
    std::optional<uint64_t> Best = bruteForce(I.P);
    Placement Where(Plan.UnitLayer.begin(), Plan.UnitLayer.end());
    Evaluation Planned = PlanEvaluator(I.P).evaluate(Where);
    if (!Best) {
      // Nothing fits: the plan cannot either, and it says what binds.
      EXPECT_FALSE(Planned.Feasible) << "round " << Round;
      EXPECT_FALSE(Plan.Binding.empty()) << "round " << Round;
      continue;
    }
    ++Feasible;
    EXPECT_TRUE(Planned.Feasible) << "round " << Round;
    EXPECT_EQ(Planned.Stored, Plan.StoredBytes) << "round " << Round;
    EXPECT_EQ(Plan.StoredBytes, *Best) << "round " << Round;
  }
  // Most instances must have a plan, or the comparison proves little.
  EXPECT_GE(Feasible, 20);
}

TEST(LayerPlannerTest, AboveTheCutOverTheGreedyPlansWithinTheBound) {
  // Eleven groups: one over ExactGroupsMax.
  Instance I;
  size_t Hub = I.function("hub");
  for (int K = 0; K < 11; ++K) {
    size_t F = I.function("f" + std::to_string(K));
    I.unit("lib" + std::to_string(K), (K + 1) * MB, {Hub, F});
  }
  LayerPlan Greedy = planLayers(I.P);
  EXPECT_EQ(Greedy.Method, PlanMethod::Greedy);
  EXPECT_EQ(Greedy.Groups, 11u);
  EXPECT_LE(Greedy.FunctionLayers[Hub].size(), 5u);
  EXPECT_GE(Greedy.StoredBytes, Greedy.LowerBound);
  EXPECT_EQ(storedBy(I.P, Greedy), Greedy.StoredBytes);

  I.P.Limits.ExactGroupsMax = 11;
  LayerPlan Exact = planLayers(I.P);
  EXPECT_EQ(Exact.Method, PlanMethod::Exact);
  EXPECT_LE(Exact.StoredBytes, Greedy.StoredBytes);
}

TEST(LayerPlannerTest, KeptLayersStayAndAnUnfitOneIsNamed) {
  Instance I;
  size_t A = I.function("a"), B = I.function("b"), C = I.function("c");
  I.unit("libcurl", 1 * MB, {A, B, C});
  I.unit("libssl", 2 * MB, {A, B});
  // The old plan had both in one layer; keep it.
  I.P.Kept.push_back({"old-1", {0, 1}});
  LayerPlan Plan = planLayers(I.P);
  ASSERT_EQ(Plan.Layers.size(), 1u);
  EXPECT_EQ(Plan.Layers[0].KeptName, "old-1");
  EXPECT_EQ(Plan.Layers[0].Units, (std::vector<size_t>{0, 1}));

  // A kept layer that no longer fits is dropped, and said why.
  I.P.Limits.MaxLayers = 0;
  LayerPlan None = planLayers(I.P);
  EXPECT_TRUE(None.Layers.empty());
  EXPECT_EQ(None.NotKept, (std::vector<std::string>{
                              "old-1: 'a' would need 1 layer, at most 0"}));
}

} // namespace
