//===- RuntimeProfile.cpp - What a Lambda runtime image provides ----------===//

#include "elf/RuntimeProfile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace llvm;
using json = nlohmann::json;

namespace brisk {

static bool contains(const std::vector<std::string> &List, StringRef Name) {
  return llvm::is_contained(List, Name.str());
}

bool RuntimeProfile::provides(StringRef Soname) const {
  return contains(ProvidedSonames, Soname);
}
bool RuntimeProfile::isGlibcFamily(StringRef Soname) const {
  return contains(GlibcSonames, Soname);
}
bool RuntimeProfile::isCxxRuntime(StringRef Soname) const {
  return contains(CxxRuntimeSonames, Soname);
}

namespace {

/// Reads typed fields of one JSON object, remembering the first problem so
/// that the caller reports "FILE: field 'x' must be a string".
class FieldReader {
public:
  FieldReader(const json &Object, std::string Where)
      : Object(Object), Where(std::move(Where)) {}

  void string(const char *Key, std::string &Out, bool Required) {
    auto It = Object.find(Key);
    if (It == Object.end()) {
      if (Required)
        fail(Twine("missing field '") + Key + "'");
      return;
    }
    if (!It->is_string())
      return fail(Twine("field '") + Key + "' must be a string");
    Out = It->get<std::string>();
  }

  void strings(const char *Key, std::vector<std::string> &Out, bool Required) {
    auto It = Object.find(Key);
    if (It == Object.end()) {
      if (Required)
        fail(Twine("missing field '") + Key + "'");
      return;
    }
    if (!It->is_array())
      return fail(Twine("field '") + Key + "' must be an array of strings");
    for (const json &Item : *It) {
      if (!Item.is_string())
        return fail(Twine("field '") + Key + "' must be an array of strings");
      Out.push_back(Item.get<std::string>());
    }
  }

  void fail(const Twine &What) {
    if (Problem.empty())
      Problem = (Where + ": " + What).str();
  }

  Error takeError() {
    if (Problem.empty())
      return Error::success();
    return createStringError(inconvertibleErrorCode(), Problem);
  }

private:
  const json &Object;
  std::string Where;
  std::string Problem;
};

} // namespace

Expected<RuntimeProfile> parseRuntimeProfile(StringRef Text, StringRef Origin,
                                             StringRef Architecture) {
  json Root = json::parse(Text.begin(), Text.end(), nullptr,
                          /*allow_exceptions=*/false);
  auto Fail = [&](const Twine &What) -> Error {
    return createStringError(inconvertibleErrorCode(), Origin + ": " + What);
  };
  if (Root.is_discarded())
    return Fail("not valid JSON");
  if (!Root.is_object())
    return Fail("the top level must be an object");
  auto Schema = Root.find("schema_version");
  if (Schema == Root.end() || !Schema->is_number_integer() ||
      Schema->get<int>() != 1)
    return Fail("'schema_version' must be 1");

  RuntimeProfile Profile;
  FieldReader Top(Root, Origin.str());
  Top.string("name", Profile.Name, true);
  Top.string("os", Profile.Os, false);
  Top.string("glibc", Profile.Glibc, true);
  Top.string("glibcxx", Profile.Glibcxx, false);
  Top.string("cxxabi", Profile.Cxxabi, false);
  Top.string("task_root", Profile.TaskRoot, true);
  Top.strings("provides", Profile.ProvidedSonames, true);
  Top.strings("glibc_sonames", Profile.GlibcSonames, true);
  Top.strings("cxx_runtime_sonames", Profile.CxxRuntimeSonames, false);
  Top.strings("library_path", Profile.LibraryPath, false);
  if (Error E = Top.takeError())
    return E;

  auto Layers = Root.find("layer_paths");
  if (Layers != Root.end()) {
    if (!Layers->is_object())
      return Fail("field 'layer_paths' must be an object of strings");
    for (auto It = Layers->begin(); It != Layers->end(); ++It) {
      if (!It.value().is_string())
        return Fail("field 'layer_paths' must be an object of strings");
      Profile.LayerPaths[It.key()] = It.value().get<std::string>();
    }
  }

  auto Arches = Root.find("architectures");
  if (Arches == Root.end() || !Arches->is_object())
    return Fail("field 'architectures' must be an object");
  auto Arch = Arches->find(Architecture.str());
  if (Arch == Arches->end()) {
    std::vector<std::string> Known;
    for (auto It = Arches->begin(); It != Arches->end(); ++It)
      Known.push_back(It.key());
    return Fail("architecture '" + Architecture +
                "' is not described (known: " + join(Known, ", ") + ")");
  }
  if (!Arch->is_object())
    return Fail("architectures." + Architecture + " must be an object");
  FieldReader ArchFields(*Arch,
                         (Origin + ": architectures." + Architecture).str());
  ArchFields.string("loader", Profile.Loader, true);
  std::vector<std::string> ExtraProvided;
  ArchFields.strings("provides", ExtraProvided, false);
  if (Error E = ArchFields.takeError())
    return E;
  Profile.Architecture = Architecture.str();

  // The loader is part of both lists by definition; saying so in the data
  // would only invite the two to disagree.
  std::string LoaderName = sys::path::filename(Profile.Loader).str();
  llvm::append_range(Profile.ProvidedSonames, ExtraProvided);
  Profile.ProvidedSonames.push_back(LoaderName);
  Profile.GlibcSonames.push_back(LoaderName);
  for (auto *List : {&Profile.ProvidedSonames, &Profile.GlibcSonames,
                     &Profile.CxxRuntimeSonames}) {
    llvm::sort(*List);
    List->erase(std::unique(List->begin(), List->end()), List->end());
  }
  return Profile;
}

std::vector<std::string> knownRuntimes(StringRef RulesDir) {
  SmallString<256> Dir(RulesDir);
  sys::path::append(Dir, "runtimes");
  std::vector<std::string> Names;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef File = sys::path::filename(It->path());
    if (File.consume_back(".json"))
      Names.push_back(File.str());
  }
  llvm::sort(Names);
  return Names;
}

Expected<RuntimeProfile> loadRuntimeProfile(StringRef RulesDir,
                                            StringRef Runtime,
                                            StringRef Architecture) {
  std::vector<std::string> Known = knownRuntimes(RulesDir);
  if (!llvm::is_contained(Known, Runtime.str()))
    return createStringError(
        inconvertibleErrorCode(),
        "unknown runtime '" + Runtime + "' (known: " +
            (Known.empty()
                 ? std::string("none in ") + RulesDir.str() + "/runtimes"
                 : join(Known, ", ")) +
            ")");
  SmallString<256> Path(RulesDir);
  sys::path::append(Path, "runtimes", Runtime + ".json");
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read " + Path + ": " +
                                 Buffer.getError().message());
  auto Profile =
      parseRuntimeProfile((*Buffer)->getBuffer(), Path, Architecture);
  if (Profile && Profile->Name != Runtime)
    return createStringError(inconvertibleErrorCode(),
                             Path + ": 'name' is '" + Profile->Name +
                                 "' but the file describes '" + Runtime + "'");
  return Profile;
}

} // namespace brisk
