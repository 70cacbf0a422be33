//===- ReusedLayers.cpp - The layers of a previous run (--reuse-layers) ---===//

#include "plan/ReusedLayers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

Expected<std::vector<OldLayer>> readReusedLayers(StringRef ManifestPath) {
  auto Fail = [&](const Twine &What) {
    return createStringError("--reuse-layers: '" + ManifestPath + "': " + What);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(ManifestPath, /*IsText=*/true);
  if (!Buf)
    return Fail(Buf.getError().message());
  StringRef Text = (*Buf)->getBuffer();
  json Root = json::parse(Text.begin(), Text.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object() || !Root.contains("version") ||
      Root["version"] != 1)
    return Fail(
        "not a brisk-pack manifest (a JSON object with \"version\": 1)");
  std::vector<OldLayer> Layers;
  auto List = Root.find("layers");
  if (List == Root.end())
    return Layers;
  if (!List->is_array())
    return Fail("'layers' must be an array");
  for (size_t I = 0; I < List->size(); ++I) {
    const json &L = (*List)[I];
    std::string Where = "layers[" + std::to_string(I) + "]";
    if (!L.is_object() || !L.contains("name") || !L["name"].is_string())
      return Fail(Where + ": needs a 'name'");
    auto Units = L.find("units");
    if (Units == L.end() || !Units->is_array())
      return Fail(Where + ": no 'units' list, which brisk-pack writes for "
                          "every layer: was it written by brisk-pack?");
    OldLayer Old;
    Old.Name = L["name"].get<std::string>();
    for (const json &U : *Units) {
      if (!U.is_object() || !U.contains("id") || !U["id"].is_string() ||
          !U.contains("name") || !U["name"].is_string())
        return Fail(Where + ": each of 'units' needs an 'id' and a 'name'");
      Old.UnitIds.push_back(U["id"].get<std::string>());
      Old.UnitNames.push_back(U["name"].get<std::string>());
    }
    Layers.push_back(std::move(Old));
  }
  llvm::sort(Layers, [](const OldLayer &A, const OldLayer &B) {
    return A.Name < B.Name;
  });
  return Layers;
}

std::vector<KeptLayer> keptLayersFor(const std::vector<OldLayer> &Old,
                                     const LayerProblem &Problem,
                                     std::vector<std::string> &Gone) {
  StringMap<size_t> ById;
  for (size_t U = 0; U < Problem.Units.size(); ++U)
    ById[Problem.Units[U].Id] = U;
  std::vector<KeptLayer> Kept;
  for (const OldLayer &L : Old) {
    KeptLayer K;
    K.Name = L.Name;
    for (size_t I = 0; I < L.UnitIds.size(); ++I) {
      auto It = ById.find(L.UnitIds[I]);
      if (It == ById.end()) {
        Gone.push_back(L.Name + ": '" + L.UnitNames[I] +
                       "' changed or is no longer used");
        K.Name.clear();
        break;
      }
      K.Units.push_back(It->second);
    }
    if (!K.Name.empty())
      Kept.push_back(std::move(K));
  }
  return Kept;
}

} // namespace brisk
