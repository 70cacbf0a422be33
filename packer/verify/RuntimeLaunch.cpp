//===- RuntimeLaunch.cpp - How Lambda starts a runtime --------------------===//

#include "verify/RuntimeLaunch.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

Expected<RuntimeLaunch> parseRuntimeLaunch(StringRef Json, StringRef Origin) {
  json Root = json::parse(Json.begin(), Json.end(), nullptr,
                          /*allow_exceptions=*/false);
  auto Fail = [&](const Twine &What) {
    return createStringError(Origin + ": " + What);
  };
  if (Root.is_discarded() || !Root.is_object())
    return Fail("not a JSON object");
  RuntimeLaunch L;
  auto Handler = Root.find("handler");
  if (Handler == Root.end() || !Handler->is_string())
    return Fail("'handler' must be a string");
  L.DefaultHandler = Handler->get<std::string>();
  auto Managed = Root.find("managed");
  if (Managed == Root.end())
    return L;
  if (!Managed->is_object())
    return Fail("'managed' must be an object");
  for (auto [Key, Into] :
       {std::pair<const char *, std::string *>{"language", &L.Language},
        {"version", &L.LanguageVersion},
        {"execution_env", &L.ExecutionEnv}}) {
    auto It = Managed->find(Key);
    if (It == Managed->end() || !It->is_string())
      return Fail(Twine("'managed.") + Key + "' must be a string");
    *Into = It->get<std::string>();
  }
  if (L.Language != "python" && L.Language != "nodejs")
    return Fail("'managed.language' must be \"python\" or \"nodejs\"");
  auto Path = Managed->find("search_path");
  if (Path == Managed->end() || !Path->is_array())
    return Fail("'managed.search_path' must be an array of strings");
  for (const json &Dir : *Path) {
    if (!Dir.is_string())
      return Fail("'managed.search_path' must be an array of strings");
    L.SearchPath.push_back(Dir.get<std::string>());
  }
  return L;
}

Expected<RuntimeLaunch> loadRuntimeLaunch(StringRef RulesDir,
                                          StringRef Runtime) {
  SmallString<256> Path(RulesDir);
  sys::path::append(Path, "runtimes", Runtime + ".json");
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(
        Buffer.getError(),
        Path + ": cannot read: " + Buffer.getError().message());
  return parseRuntimeLaunch((*Buffer)->getBuffer(), Path);
}

} // namespace brisk
