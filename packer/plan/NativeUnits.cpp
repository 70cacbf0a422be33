//===- NativeUnits.cpp - The shareable units of a native function plan ----===//

#include "plan/NativeUnits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <map>

using namespace llvm;

namespace brisk {

static std::string layerPathOf(StringRef FunctionPath, StringRef LibLayerDir) {
  StringRef Rest = FunctionPath;
  if (Rest.consume_front("lib/"))
    return (LibLayerDir + "/" + Rest).str();
  return FunctionPath.str();
}

static FunctionUnit describe(const FunctionPlan &Plan, StringRef Label,
                             const std::vector<size_t> &Files,
                             StringRef LibLayerDir) {
  FunctionUnit C;
  ShareableUnit &U = C.Unit;
  C.Files = Files;
  U.Name =
      Label == "lib/gconv" ? "gconv modules" : sys::path::filename(Label).str();
  std::vector<std::string> Lines;
  for (size_t I : Files) {
    const PlannedFile &F = Plan.Files[I];
    UnitFile UF{F.ZipPath, layerPathOf(F.ZipPath, LibLayerDir)};
    Lines.push_back(UF.LayerPath + '\0' + fileKindName(F.Kind).str() + '\0' +
                    (F.Executable ? "x" : "-") + '\0' + F.LinkTarget + '\0' +
                    F.Sha256);
    U.Files.push_back(std::move(UF));
    U.UnzippedBytes += F.Bytes;
    U.ZipBytes += F.ZipBytes;
    C.CLibrary |= F.CLibrary;
  }
  llvm::sort(Lines);
  SHA256 Hash;
  for (const std::string &L : Lines) {
    Hash.update(L);
    Hash.update("\n");
  }
  U.Id = toHex(Hash.final(), /*LowerCase=*/true);
  return C;
}

std::vector<FunctionUnit> nativeFunctionUnits(const FunctionPlan &Plan) {
  std::map<std::string, std::vector<size_t>> Labels;
  for (size_t J = 0; J < Plan.Files.size(); ++J)
    if (!Plan.Files[J].Unit.empty())
      Labels[Plan.Files[J].Unit].push_back(J);
  std::vector<FunctionUnit> Units;
  for (auto &[Label, Files] : Labels)
    Units.push_back(describe(Plan, Label, Files, Plan.LibLayerDir));
  return Units;
}

} // namespace brisk
