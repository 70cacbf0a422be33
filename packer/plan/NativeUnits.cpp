//===- NativeUnits.cpp - The shareable units of native function plans -----===//

#include "plan/NativeUnits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <map>
#include <set>

using namespace llvm;

namespace brisk {

static std::string layerPathOf(StringRef FunctionPath, StringRef LibLayerDir) {
  StringRef Rest = FunctionPath;
  if (Rest.consume_front("lib/"))
    return (LibLayerDir + "/" + Rest).str();
  return FunctionPath.str();
}

namespace {
/// One function's files of one unit label, before units are merged by id.
struct Candidate {
  std::string Id;
  std::string Name;
  UnitMembers Members;
  std::vector<UnitFile> Files;
  uint64_t UnzippedBytes = 0;
  uint64_t ZipBytes = 0;
  bool CLibrary = false;
};
} // namespace

static Candidate describe(const FunctionPlan &Plan, size_t PlanIndex,
                          StringRef Label, const std::vector<size_t> &Files,
                          StringRef LibLayerDir) {
  Candidate C;
  C.Members = {PlanIndex, Files};
  C.Name =
      Label == "lib/gconv" ? "gconv modules" : sys::path::filename(Label).str();
  std::vector<std::string> Lines;
  for (size_t I : Files) {
    const PlannedFile &F = Plan.Files[I];
    UnitFile UF{F.ZipPath, layerPathOf(F.ZipPath, LibLayerDir)};
    Lines.push_back(UF.LayerPath + '\0' + fileKindName(F.Kind).str() + '\0' +
                    (F.Executable ? "x" : "-") + '\0' + F.LinkTarget + '\0' +
                    F.Sha256);
    C.Files.push_back(std::move(UF));
    C.UnzippedBytes += F.Bytes;
    C.ZipBytes += F.ZipBytes;
    C.CLibrary |= F.CLibrary;
  }
  llvm::sort(Lines);
  SHA256 Hash;
  for (const std::string &L : Lines) {
    Hash.update(L);
    Hash.update("\n");
  }
  C.Id = toHex(Hash.final(), /*LowerCase=*/true);
  return C;
}

CollectedUnits collectUnits(const std::vector<FunctionPlan> &Plans,
                            StringRef LibLayerDir, const LayerLimits &Limits) {
  CollectedUnits Out;
  LayerProblem &P = Out.Problem;
  P.Limits = Limits;
  std::map<std::string, std::vector<Candidate>> ById;
  for (size_t I = 0; I < Plans.size(); ++I) {
    const FunctionPlan &Plan = Plans[I];
    LayerFunction F;
    F.Name = Plan.Name;
    // The end of central directory record.
    F.OwnZipBytes = 22;
    std::map<std::string, std::vector<size_t>> Labels;
    for (size_t J = 0; J < Plan.Files.size(); ++J) {
      const PlannedFile &File = Plan.Files[J];
      if (!File.Unit.empty()) {
        Labels[File.Unit].push_back(J);
        continue;
      }
      F.OwnUnzippedBytes += File.Bytes;
      F.OwnZipBytes += File.ZipBytes;
    }
    for (auto &[Label, Files] : Labels) {
      Candidate C = describe(Plan, I, Label, Files, LibLayerDir);
      ById[C.Id].push_back(std::move(C));
    }
    P.Functions.push_back(std::move(F));
  }
  std::set<std::string> CLibraryPaths;
  for (auto &[Id, Candidates] : ById) {
    const Candidate &First = Candidates.front();
    ShareableUnit U;
    U.Id = Id;
    U.Name = First.Name;
    U.Files = First.Files;
    U.UnzippedBytes = First.UnzippedBytes;
    U.ZipBytes = First.ZipBytes;
    std::vector<UnitMembers> Members;
    for (const Candidate &C : Candidates) {
      U.Users.push_back(C.Members.Plan);
      Members.push_back(C.Members);
    }
    if (First.CLibrary)
      for (const UnitFile &F : U.Files)
        CLibraryPaths.insert(F.LayerPath);
    P.Units.push_back(std::move(U));
    Out.Members.push_back(std::move(Members));
  }
  for (size_t I = 0; I < Plans.size(); ++I)
    if (!Plans[I].LibcBundled)
      P.Functions[I].RefusedLayerPaths.assign(CLibraryPaths.begin(),
                                              CLibraryPaths.end());
  return Out;
}

} // namespace brisk
