//===- CheckConfig.cpp - The --config file of brisk-check -----------------===//

#include "rules/CheckConfig.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

namespace brisk {

namespace {

using json = nlohmann::json;

llvm::Error fail(llvm::StringRef File, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 File + ": " + What);
}

llvm::Error readStringList(const json &V, llvm::StringRef Key,
                           std::vector<std::string> &Out,
                           llvm::StringRef File) {
  if (V.is_string()) {
    Out.push_back(V.get<std::string>());
    return llvm::Error::success();
  }
  if (!V.is_array())
    return fail(File,
                "\"" + Key + "\" must be a string or an array of strings");
  for (const json &Item : V) {
    if (!Item.is_string())
      return fail(File, "\"" + Key + "\" must contain only strings");
    Out.push_back(Item.get<std::string>());
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<CheckConfig> parseCheckConfig(llvm::StringRef Text,
                                             llvm::StringRef Name) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded())
    return fail(Name, "not valid JSON");
  if (!Doc.is_object())
    return fail(Name, "top level must be an object");
  CheckConfig Config;
  json SiteEntries = json::array();
  for (auto It = Doc.begin(); It != Doc.end(); ++It) {
    const std::string &Key = It.key();
    const json &V = It.value();
    if (Key == "version") {
      if (!V.is_number_unsigned() || V != 1)
        return fail(Name, "unsupported \"version\" (expected 1)");
    } else if (Key == "handlers") {
      if (!V.is_array())
        return fail(Name, "\"handlers\" must be an array of strings");
      if (auto E = readStringList(V, Key, Config.Handlers, Name))
        return E;
    } else if (Key == "rules") {
      if (auto E = readStringList(V, Key, Config.RuleLists, Name))
        return E;
    } else if (Key == "severity") {
      if (!V.is_object())
        return fail(Name, "\"severity\" must map rule ids to note, warning "
                          "or error");
      for (auto S = V.begin(); S != V.end(); ++S) {
        if (!S->is_string())
          return fail(Name, "\"severity\": the severity of '" + S.key() +
                                "' must be a string");
        Config.Severities[S.key()] = S->get<std::string>();
      }
    } else if (Key == "max_concurrency") {
      if (!V.is_number_unsigned() || V.get<uint64_t>() == 0 ||
          V.get<uint64_t>() > 1000000)
        return fail(Name, "\"max_concurrency\" must be a positive integer");
      Config.MaxConcurrency = V.get<unsigned>();
    } else if (Key == "inherit") {
      if (!V.is_boolean())
        return fail(Name, "\"inherit\" must be true or false");
      Config.Inherit = V.get<bool>();
    } else if (Key == "docs_url") {
      if (!V.is_string() || V.get_ref<const std::string &>().empty())
        return fail(Name, "\"docs_url\" must be a URL (a non-empty string)");
      Config.DocsUrl = V.get<std::string>();
    } else if (Key == "init-catalog" || Key == "site-catalog") {
      if (!V.is_array())
        return fail(Name, "\"" + Key +
                              "\" must be an array of catalogue "
                              "entries");
      for (const json &E : V)
        SiteEntries.push_back(E);
    } else if (Key == "state-catalog") {
      if (!V.is_object())
        return fail(Name, "\"state-catalog\" must be an object in the schema "
                          "of rules/state-catalog.json");
      Config.StateDocument = V.dump();
    } else if (Key == "credential-patterns") {
      if (!V.is_array())
        return fail(Name, "\"credential-patterns\" must be an array of "
                          "patterns");
      Config.CredentialDocument = json{{"version", 1}, {"patterns", V}}.dump();
    } else {
      return fail(Name, "unknown key \"" + Key +
                            "\" (expected version, inherit, handlers, rules, "
                            "severity, max_concurrency, docs_url, "
                            "init-catalog, site-catalog, state-catalog, "
                            "credential-patterns)");
    }
  }
  if (!SiteEntries.empty())
    Config.CatalogDocument =
        json{{"version", 1}, {"entries", SiteEntries}}.dump();
  return Config;
}

llvm::Expected<CheckConfig> loadCheckConfig(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return fail(Path, "cannot read: " + Buf.getError().message());
  return parseCheckConfig((*Buf)->getBuffer(), Path);
}

} // namespace brisk
