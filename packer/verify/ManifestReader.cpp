//===- ManifestReader.cpp - What verify reads from manifest.json ----------===//

#include "verify/ManifestReader.h"
#include "inventory/PathSafety.h"
#include "plan/PackOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

namespace {

class ManifestParser {
public:
  ManifestParser(StringRef OutDir, std::string File)
      : OutDir(OutDir), File(std::move(File)) {}

  Error fail(const Twine &Where, const Twine &What) const {
    return createStringError(File + ": " + Where + ": " + What);
  }

  Expected<std::string> string(const json &Object, const char *Key,
                               const Twine &Where, bool Required) const {
    auto It = Object.find(Key);
    if (It == Object.end()) {
      if (Required)
        return fail(Where, Twine("missing '") + Key + "'");
      return std::string();
    }
    if (!It->is_string())
      return fail(Where, Twine("'") + Key + "' must be a string");
    return It->get<std::string>();
  }

  /// A zip named relative to OUT_DIR, made absolute.
  Expected<std::string> zip(const json &Object, const Twine &Where) const {
    Expected<std::string> Rel = string(Object, "zip", Where, true);
    if (!Rel)
      return Rel.takeError();
    Expected<std::string> Clean = normaliseEntryPath(*Rel);
    if (!Clean)
      return fail(Where, "'zip': " + toString(Clean.takeError()));
    SmallString<256> Path(OutDir);
    sys::path::append(Path, *Clean);
    return Path.str().str();
  }

private:
  StringRef OutDir;
  std::string File;
};

} // namespace

Expected<std::vector<ManifestFunction>> readManifest(StringRef OutDir) {
  SmallString<256> Absolute(OutDir);
  sys::fs::make_absolute(Absolute);
  SmallString<256> File(Absolute);
  sys::path::append(File, "manifest.json");
  auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buffer)
    return createStringError(
        Buffer.getError(), File +
                               ": cannot read: " + Buffer.getError().message() +
                               " (is OUT_DIR a brisk-pack output?)");
  json Root = json::parse((*Buffer)->getBuffer().begin(),
                          (*Buffer)->getBuffer().end(), nullptr,
                          /*allow_exceptions=*/false);
  ManifestParser P(Absolute, File.str().str());
  if (Root.is_discarded() || !Root.is_object())
    return P.fail("top level", "not a JSON object");
  auto Version = Root.find("version");
  if (Version == Root.end() || !Version->is_number_integer() ||
      Version->get<int>() != 1)
    return P.fail("top level", "'version' must be 1");

  std::map<std::string, ManifestLayer> Layers;
  auto LayerList = Root.find("layers");
  if (LayerList != Root.end()) {
    if (!LayerList->is_array())
      return P.fail("top level", "'layers' must be an array");
    for (size_t I = 0; I < LayerList->size(); ++I) {
      const json &L = (*LayerList)[I];
      std::string Where = "layers[" + std::to_string(I) + "]";
      if (!L.is_object())
        return P.fail(Where, "must be an object");
      Expected<std::string> Name = P.string(L, "name", Where, true);
      if (!Name)
        return Name.takeError();
      Expected<std::string> Zip = P.zip(L, Where);
      if (!Zip)
        return Zip.takeError();
      Layers[*Name] = {*Name, *Zip};
    }
  }

  auto FunctionList = Root.find("functions");
  if (FunctionList == Root.end() || !FunctionList->is_array())
    return P.fail("top level", "'functions' must be an array");
  std::vector<ManifestFunction> Functions;
  for (size_t I = 0; I < FunctionList->size(); ++I) {
    const json &F = (*FunctionList)[I];
    std::string Where = "functions[" + std::to_string(I) + "]";
    if (!F.is_object())
      return P.fail(Where, "must be an object");
    ManifestFunction Fn;
    for (auto [Key, Into, Required] :
         {std::tuple<const char *, std::string *, bool>{"name", &Fn.Name, true},
          {"runtime", &Fn.Runtime, true},
          {"code_sha256", &Fn.CodeSha256, false},
          {"handler", &Fn.Handler, false}}) {
      Expected<std::string> Value = P.string(F, Key, Where, Required);
      if (!Value)
        return Value.takeError();
      *Into = std::move(*Value);
    }
    if (Error E = checkFunctionName(Fn.Name))
      return P.fail(Where, toString(std::move(E)));
    Expected<std::string> Zip = P.zip(F, Where);
    if (!Zip)
      return Zip.takeError();
    Fn.Zip = std::move(*Zip);
    auto Names = F.find("layers");
    if (Names != F.end()) {
      if (!Names->is_array())
        return P.fail(Where, "'layers' must be an array of layer names");
      for (const json &Name : *Names) {
        if (!Name.is_string())
          return P.fail(Where, "'layers' must be an array of layer names");
        auto Layer = Layers.find(Name.get<std::string>());
        if (Layer == Layers.end())
          return P.fail(Where, "layer '" + Name.get<std::string>() +
                                   "' is not in the top-level 'layers'");
        Fn.Layers.push_back(Layer->second);
      }
    }
    Functions.push_back(std::move(Fn));
  }
  return Functions;
}

Expected<ManifestFunction>
selectFunction(const std::vector<ManifestFunction> &Functions, StringRef Name,
               StringRef OutDir) {
  std::vector<std::string> Names;
  for (const ManifestFunction &F : Functions) {
    if (F.Name == Name)
      return F;
    Names.push_back(F.Name);
  }
  return createStringError(OutDir + " has no function '" + Name +
                           "' (it has: " + join(Names, ", ") + ")");
}

} // namespace brisk
