//===- LayerAssembly.cpp - Layers made from the planner's decision --------===//

#include "plan/LayerAssembly.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SHA256.h"

#include <map>
#include <set>

using namespace llvm;

namespace brisk {

uint64_t LayerOutput::unzippedBytes() const {
  uint64_t Total = 0;
  for (const PlannedFile &F : Files)
    Total += F.Bytes;
  return Total;
}

std::string layerName(StringRef Prefix, std::vector<std::string> UnitIds,
                      unsigned Level) {
  llvm::sort(UnitIds);
  SHA256 Hash;
  Hash.update("brisk layer 1\n" + std::to_string(Level) + "\n");
  for (const std::string &Id : UnitIds) {
    Hash.update(Id);
    Hash.update("\n");
  }
  std::string Hex = toHex(Hash.final(), /*LowerCase=*/true);
  return (Prefix + "-" + StringRef(Hex).take_front(12)).str();
}

// Points a native function's program and bootstrap at where its loader,
// libc and gconv modules are now; \p Moved holds the unit labels of its
// files that went to a layer.
static void repointNative(FunctionPlan &Plan, const StringSet<> &Moved) {
  BootstrapSpec &Boot = *Plan.Boot;
  Boot.LayerLibraries = !Plan.Layers.empty();
  for (const PlannedFile &F : Plan.Files) {
    if (!Boot.LoaderName.empty() && F.ZipPath == "lib/" + Boot.LoaderName)
      Boot.LoaderInLayer = Moved.count(F.Unit);
    if (StringRef(F.ZipPath).starts_with("lib/gconv/"))
      Boot.GconvInLayer = Moved.count(F.Unit);
  }
  for (PlannedFile &F : Plan.Files) {
    if (F.ZipPath == Boot.ProgramPath && !F.Interpreter.empty() &&
        Boot.LoaderInLayer)
      F.Interpreter = (LayerRoot + "/lib/ld.so").str();
    if (F.ZipPath == "bootstrap" && F.Generated) {
      F.Generated =
          std::make_shared<const std::string>(makeBootstrapScript(Boot));
      F.Bytes = F.InputBytes = F.Generated->size();
    }
  }
}

std::vector<LayerOutput> assembleLayers(std::vector<FunctionPlan> &Plans,
                                        const CollectedUnits &Units,
                                        const LayerPlan &Plan, StringRef Prefix,
                                        unsigned Level) {
  const LayerProblem &P = Units.Problem;
  std::vector<LayerOutput> Layers(Plan.Layers.size());
  std::vector<std::set<size_t>> Removed(Plans.size());
  std::vector<StringSet<>> Moved(Plans.size());
  for (size_t L = 0; L < Plan.Layers.size(); ++L) {
    LayerOutput &Out = Layers[L];
    Out.KeptName = Plan.Layers[L].KeptName;
    for (size_t F : Plan.Layers[L].Users)
      Out.UsedBy.push_back(P.Functions[F].Name);
    llvm::sort(Out.UsedBy);
    for (size_t U : Plan.Layers[L].Units) {
      const ShareableUnit &Unit = P.Units[U];
      Out.UnitIds.push_back(Unit.Id);
      Out.UnitNames.push_back(Unit.Name);
      const UnitMembers &First = Units.Members[U].front();
      for (size_t I = 0; I < First.Files.size(); ++I) {
        PlannedFile File = Plans[First.Plan].Files[First.Files[I]];
        File.ZipPath = Unit.Files[I].LayerPath;
        Out.Files.push_back(std::move(File));
      }
      for (const UnitMembers &M : Units.Members[U]) {
        Removed[M.Plan].insert(M.Files.begin(), M.Files.end());
        Moved[M.Plan].insert(Plans[M.Plan].Files[M.Files.front()].Unit);
      }
    }
    llvm::sort(Out.Files, [](const PlannedFile &A, const PlannedFile &B) {
      return A.ZipPath < B.ZipPath;
    });
    Out.Name = layerName(Prefix, Out.UnitIds, Level);
    Out.ZipPath = "layers/" + Out.Name + ".zip";
  }

  for (size_t F = 0; F < Plans.size(); ++F) {
    FunctionPlan &Fn = Plans[F];
    Fn.Layers.clear();
    for (size_t L : Plan.FunctionLayers[F])
      Fn.Layers.push_back(Layers[L].Name);
    llvm::sort(Fn.Layers);
    if (Fn.Boot)
      repointNative(Fn, Moved[F]);
    std::vector<PlannedFile> Kept;
    for (size_t I = 0; I < Fn.Files.size(); ++I)
      if (!Removed[F].count(I))
        Kept.push_back(std::move(Fn.Files[I]));
    Fn.Files = std::move(Kept);
  }
  llvm::sort(Layers, [](const LayerOutput &A, const LayerOutput &B) {
    return A.Name < B.Name;
  });
  return Layers;
}

} // namespace brisk
