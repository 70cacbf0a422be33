//===- PackConfig.cpp - Read brisk-pack.json ------------------------------===//
//
// Schema (every key optional except functions[].name and functions[].input):
//   {"output": "dist", "strip": "debug", "keep_debug": "dbg",
//    "compress_debug": false, "library_paths": ["..."],
//    "bundle_libc": true, "bootstrap": "script", "gconv": "auto",
//    "secrets": [{"match": "*.jks", "reason": "Java key store"}],
//    "compression_level": 6, "max_layers": 5, "min_share": 2,
//    "allow_s3_upload": false, "layer_prefix": "shop",
//    "reuse_layers": "old/manifest.json", "report": "dist/report.html",
//    "arch": "arm64", "sysroot": "/usr/aarch64-linux-gnu",
//    "prune": "safe", "prune_profiles": ["..."],
//    "prune_licenses": false, "drop_runtime_provided": false,
//    "precompile_python": false,
//    "functions": [{"name": "orders", "input": "build/orders",
//                   "runtime": "provided.al2023", "includes": ["..."],
//                   "excludes": ["glob"], "allow_secrets": ["path"],
//                   "site_packages": "deps", "strip_exclude": ["glob"],
//                   "prune_keep": ["glob"],
//                   "environment": {"NODE_OPTIONS": "..."}}]}
//
//===----------------------------------------------------------------------===//

#include "plan/PackConfig.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

namespace {
class ConfigReader {
public:
  ConfigReader(StringRef Origin, StringRef BaseDir)
      : Origin(Origin), BaseDir(BaseDir) {}

  Error fail(const Twine &Where, const Twine &What) const {
    return createStringError(Origin + ": " + Where + ": " + What);
  }

  Error checkKeys(const json &Object, const Twine &Where,
                  ArrayRef<StringRef> Known) const {
    for (const auto &Item : Object.items())
      if (!is_contained(Known, StringRef(Item.key())))
        return fail(Where, "unknown key '" + Item.key() + "'");
    return Error::success();
  }

  Expected<std::string> string(const json &V, const Twine &Where) const {
    if (!V.is_string())
      return fail(Where, "expected a string");
    return V.get<std::string>();
  }

  Expected<std::string> path(const json &V, const Twine &Where) const {
    Expected<std::string> S = string(V, Where);
    if (!S || S->empty() || sys::path::is_absolute(*S))
      return S;
    SmallString<256> Full(BaseDir);
    sys::path::append(Full, *S);
    return Full.str().str();
  }

  Expected<std::vector<std::string>> strings(const json &V, const Twine &Where,
                                             bool ArePaths) const {
    if (!V.is_array())
      return fail(Where, "expected an array of strings");
    std::vector<std::string> Out;
    for (size_t I = 0; I < V.size(); ++I) {
      std::string Item = (Where + "[" + Twine(I) + "]").str();
      Expected<std::string> S =
          ArePaths ? path(V[I], Item) : string(V[I], Item);
      if (!S)
        return S.takeError();
      Out.push_back(std::move(*S));
    }
    return Out;
  }

  Expected<bool> boolean(const json &V, const Twine &Where) const {
    if (!V.is_boolean())
      return fail(Where, "expected true or false");
    return V.get<bool>();
  }

  Error readFunction(const json &F, const std::string &Where,
                     FunctionSpec &Spec) const {
    if (!F.is_object())
      return fail(Where, "expected an object");
    if (Error E = checkKeys(F, Where,
                            {"name", "input", "runtime", "includes", "excludes",
                             "allow_secrets", "site_packages", "strip_exclude",
                             "prune_keep", "environment"}))
      return E;
    if (!F.contains("name") || !F.contains("input"))
      return fail(Where, "needs 'name' and 'input'");
    Expected<std::string> Name = string(F["name"], Where + ".name");
    if (!Name)
      return Name.takeError();
    if (Error E = checkFunctionName(*Name))
      return fail(Where + ".name", toString(std::move(E)));
    Spec.Name = *Name;
    Expected<std::string> Input = path(F["input"], Where + ".input");
    if (!Input)
      return Input.takeError();
    Spec.Input = *Input;
    if (F.contains("runtime")) {
      Expected<std::string> R = string(F["runtime"], Where + ".runtime");
      if (!R)
        return R.takeError();
      if (Error E = checkRuntimeName(*R))
        return fail(Where + ".runtime", toString(std::move(E)));
      Spec.Runtime = *R;
    }
    if (F.contains("site_packages")) {
      Expected<std::string> P =
          path(F["site_packages"], Where + ".site_packages");
      if (!P)
        return P.takeError();
      Spec.SitePackages = *P;
    }
    if (F.contains("environment")) {
      const json &Env = F["environment"];
      if (!Env.is_object())
        return fail(Where + ".environment", "expected an object of strings");
      for (const auto &Item : Env.items()) {
        if (!Item.value().is_string())
          return fail(Where + ".environment." + Item.key(),
                      "expected a string");
        Spec.Environment[Item.key()] = Item.value().get<std::string>();
      }
    }
    struct {
      const char *Key;
      std::vector<std::string> *Into;
      bool ArePaths;
    } Lists[] = {{"includes", &Spec.Includes, true},
                 {"excludes", &Spec.Excludes, false},
                 {"allow_secrets", &Spec.AllowSecrets, false},
                 {"strip_exclude", &Spec.StripExclude, false},
                 {"prune_keep", &Spec.PruneKeep, false}};
    for (auto &L : Lists) {
      if (!F.contains(L.Key))
        continue;
      Expected<std::vector<std::string>> V =
          strings(F[L.Key], Where + "." + L.Key, L.ArePaths);
      if (!V)
        return V.takeError();
      *L.Into = std::move(*V);
    }
    return Error::success();
  }

  Error read(const json &Root, PackOptions &Options) const {
    if (!Root.is_object())
      return fail("top level", "expected an object");
    if (Error E = checkKeys(Root, "top level",
                            {"output",
                             "strip",
                             "keep_debug",
                             "compress_debug",
                             "library_paths",
                             "bundle_libc",
                             "bootstrap",
                             "gconv",
                             "secrets",
                             "compression_level",
                             "functions",
                             "max_layers",
                             "min_share",
                             "allow_s3_upload",
                             "layer_prefix",
                             "reuse_layers",
                             "report",
                             "arch",
                             "sysroot",
                             "prune",
                             "prune_profiles",
                             "prune_licenses",
                             "drop_runtime_provided",
                             "precompile_python"}))
      return E;
    if (Root.contains("output")) {
      Expected<std::string> P = path(Root["output"], "output");
      if (!P)
        return P.takeError();
      Options.OutDir = *P;
    }
    if (Root.contains("strip")) {
      Expected<std::string> S = string(Root["strip"], "strip");
      if (!S)
        return S.takeError();
      Expected<StripMode> M = parseStripMode(*S);
      if (!M)
        return fail("strip", toString(M.takeError()));
      Options.Strip = *M;
    }
    if (Root.contains("keep_debug")) {
      Expected<std::string> P = path(Root["keep_debug"], "keep_debug");
      if (!P)
        return P.takeError();
      Options.KeepDebugDir = *P;
    }
    if (Root.contains("compress_debug")) {
      Expected<bool> B = boolean(Root["compress_debug"], "compress_debug");
      if (!B)
        return B.takeError();
      Options.CompressDebug = *B;
    }
    if (Root.contains("prune")) {
      Expected<std::string> S = string(Root["prune"], "prune");
      if (!S)
        return S.takeError();
      Expected<PruneTier> T = parsePruneTier(*S);
      if (!T)
        return fail("prune", toString(T.takeError()));
      Options.Prune = *T;
    }
    if (Root.contains("prune_profiles")) {
      Expected<std::vector<std::string>> V =
          strings(Root["prune_profiles"], "prune_profiles", true);
      if (!V)
        return V.takeError();
      Options.PruneProfiles = std::move(*V);
    }
    for (auto [Key, Into] :
         {std::pair<const char *, bool *>{"prune_licenses",
                                          &Options.PruneLicenses},
          {"drop_runtime_provided", &Options.DropRuntimeProvided},
          {"precompile_python", &Options.PrecompilePython}}) {
      if (!Root.contains(Key))
        continue;
      Expected<bool> B = boolean(Root[Key], Key);
      if (!B)
        return B.takeError();
      *Into = *B;
    }
    if (Root.contains("bundle_libc")) {
      Expected<bool> B = boolean(Root["bundle_libc"], "bundle_libc");
      if (!B)
        return B.takeError();
      Options.AllowBundleLibc = *B;
    }
    if (Root.contains("library_paths")) {
      Expected<std::vector<std::string>> V =
          strings(Root["library_paths"], "library_paths", true);
      if (!V)
        return V.takeError();
      Options.LibraryPath = std::move(*V);
    }
    if (Root.contains("bootstrap")) {
      Expected<std::string> S = string(Root["bootstrap"], "bootstrap");
      if (!S)
        return S.takeError();
      Expected<BootstrapStyle> B = parseBootstrapStyle(*S);
      if (!B)
        return fail("bootstrap", toString(B.takeError()));
      Options.Bootstrap = *B;
    }
    if (Root.contains("gconv")) {
      Expected<std::string> S = string(Root["gconv"], "gconv");
      if (!S)
        return S.takeError();
      Expected<GconvMode> G = parseGconvMode(*S);
      if (!G)
        return fail("gconv", toString(G.takeError()));
      Options.Gconv = *G;
    }
    if (Root.contains("secrets"))
      if (Error E = parseSecretPatterns(Root["secrets"], Origin + ": secrets",
                                        Options.Secrets))
        return E;
    if (Root.contains("compression_level")) {
      const json &L = Root["compression_level"];
      // Compared as 64 bits: 4294967305 must not wrap to 9.
      if (!L.is_number_unsigned() || L.get<uint64_t>() > 9)
        return fail("compression_level", "expected an integer from 0 to 9");
      Options.CompressionLevel = L.get<uint64_t>();
    }
    for (auto [Key, Into, Max] :
         {std::tuple<const char *, unsigned *, uint64_t>{"max_layers",
                                                         &Options.MaxLayers, 5},
          {"min_share", &Options.MinShare, UINT32_MAX}}) {
      if (!Root.contains(Key))
        continue;
      const json &N = Root[Key];
      uint64_t Min = Into == &Options.MinShare ? 1 : 0;
      if (!N.is_number_unsigned() || N.get<uint64_t>() < Min ||
          N.get<uint64_t>() > Max)
        return fail(Key, Into == &Options.MinShare
                             ? "expected an integer of 1 or more"
                             : "expected an integer from 0 to 5");
      *Into = N.get<uint64_t>();
    }
    if (Root.contains("allow_s3_upload")) {
      Expected<bool> B = boolean(Root["allow_s3_upload"], "allow_s3_upload");
      if (!B)
        return B.takeError();
      Options.AllowS3Upload = *B;
    }
    if (Root.contains("layer_prefix")) {
      Expected<std::string> S = string(Root["layer_prefix"], "layer_prefix");
      if (!S)
        return S.takeError();
      if (Error E = checkLayerPrefix(*S))
        return fail("layer_prefix", toString(std::move(E)));
      Options.LayerPrefix = *S;
    }
    if (Root.contains("arch")) {
      Expected<std::string> S = string(Root["arch"], "arch");
      if (!S)
        return S.takeError();
      if (*S != "x86_64" && *S != "arm64")
        return fail("arch", "expected \"x86_64\" or \"arm64\"");
      Options.Arch = *S;
    }
    for (auto [Key, Into] : {std::pair<const char *, std::string *>{
                                 "reuse_layers", &Options.ReuseLayers},
                             {"report", &Options.ReportPath},
                             {"sysroot", &Options.SysRoot}}) {
      if (!Root.contains(Key))
        continue;
      Expected<std::string> P = path(Root[Key], Key);
      if (!P)
        return P.takeError();
      *Into = *P;
    }
    if (Root.contains("functions")) {
      const json &Fs = Root["functions"];
      if (!Fs.is_array())
        return fail("functions", "expected an array");
      for (size_t I = 0; I < Fs.size(); ++I) {
        FunctionSpec Spec;
        if (Error E = readFunction(
                Fs[I], "functions[" + std::to_string(I) + "]", Spec))
          return E;
        Options.Functions.push_back(std::move(Spec));
      }
    }
    return Error::success();
  }

private:
  std::string Origin;
  std::string BaseDir;
};
} // namespace

Error parsePackConfig(StringRef Json, StringRef Origin, StringRef BaseDir,
                      PackOptions &Options) {
  json Root = json::parse(Json.begin(), Json.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (Root.is_discarded())
    return createStringError(Origin + ": not valid JSON");
  return ConfigReader(Origin, BaseDir).read(Root, Options);
}

Error loadPackConfig(StringRef Path, PackOptions &Options) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(
        Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  SmallString<256> Base(sys::path::parent_path(Path));
  if (Base.empty())
    Base = ".";
  // Layers are named after the config's folder unless it says otherwise.
  SmallString<256> Folder(Base);
  sys::fs::make_absolute(Folder);
  sys::path::remove_dots(Folder, /*remove_dot_dot=*/true);
  Options.LayerPrefix = layerPrefixFrom(sys::path::filename(Folder));
  return parsePackConfig((*Buf)->getBuffer(), Path, Base, Options);
}

} // namespace brisk
