//===- RuntimeFacts.cpp - What packing needs to know of a managed runtime -===//

#include "managed/RuntimeFacts.h"
#include "elf/RuntimeProfile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

bool isManagedRuntime(StringRef Runtime) {
  return Runtime.starts_with("python3.") || Runtime.starts_with("nodejs");
}

static Expected<std::string> stringField(const json &Object, StringRef Where,
                                         const char *Key, StringRef Origin) {
  auto It = Object.find(Key);
  if (It == Object.end() || !It->is_string())
    return createStringError(Origin + ": '" + Where + Key +
                             "' must be a string");
  return It->get<std::string>();
}

Expected<RuntimeFacts> parseRuntimeFacts(StringRef Json, StringRef Origin) {
  json Root = json::parse(Json.begin(), Json.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object())
    return createStringError(Origin + ": not a JSON object");
  RuntimeFacts F;
  Expected<std::string> Name = stringField(Root, "", "name", Origin);
  if (!Name)
    return Name.takeError();
  F.Runtime = *Name;
  auto Managed = Root.find("managed");
  if (Managed == Root.end() || !Managed->is_object())
    return createStringError(Origin + ": 'managed' must be an object: " +
                             F.Runtime + " is not a managed runtime");
  Expected<RuntimeLaunch> Launch = parseRuntimeLaunch(Json, Origin);
  if (!Launch)
    return Launch.takeError();
  F.Launch = std::move(*Launch);
  F.Language = F.Launch.Language == "python" ? ManagedLanguage::Python
                                             : ManagedLanguage::Node;
  std::string Fields[2];
  const char *Keys[] = {"package_root", "package_layer_path"};
  for (size_t I = 0; I < 2; ++I) {
    Expected<std::string> S =
        stringField(*Managed, "managed.", Keys[I], Origin);
    if (!S)
      return S.takeError();
    Fields[I] = std::move(*S);
  }
  F.PackageRoot = Fields[0];
  auto Layers = Root.find("layer_paths");
  if (Layers == Root.end() || !Layers->is_object() ||
      !Layers->contains(Fields[1]) || !(*Layers)[Fields[1]].is_string())
    return createStringError(Origin + ": 'layer_paths' has no string '" +
                             Fields[1] +
                             "', which 'managed.package_layer_path' names");
  F.PackageLayerPath = (*Layers)[Fields[1]].get<std::string>();

  auto Packages = Root.find("runtime_packages");
  if (Packages == Root.end())
    return F;
  if (!Packages->is_object() || !Packages->contains("packages") ||
      !(*Packages)["packages"].is_array())
    return createStringError(Origin + ": 'runtime_packages' must be an "
                                      "object with a 'packages' array");
  for (const json &P : (*Packages)["packages"]) {
    if (!P.is_object())
      return createStringError(Origin + ": 'runtime_packages.packages' "
                                        "must hold objects");
    Expected<std::string> PName =
        stringField(P, "runtime_packages.packages[].", "name", Origin);
    if (!PName)
      return PName.takeError();
    Expected<std::string> Version =
        stringField(P, "runtime_packages.packages[].", "version", Origin);
    if (!Version)
      return Version.takeError();
    F.RuntimePackages.push_back({std::move(*PName), std::move(*Version)});
  }
  return F;
}

Expected<RuntimeFacts> loadRuntimeFacts(StringRef RulesDir, StringRef Runtime) {
  std::vector<std::string> Known = knownRuntimes(RulesDir);
  if (!is_contained(Known, Runtime.str()))
    return createStringError("unknown runtime '" + Runtime +
                             "' (known: " + join(Known, ", ") + ")");
  SmallString<256> Path(RulesDir);
  sys::path::append(Path, "runtimes", Runtime + ".json");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(
        Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  return parseRuntimeFacts((*Buf)->getBuffer(), Path);
}

} // namespace brisk
