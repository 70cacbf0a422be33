//===- ConfigDiscovery.cpp - .brisk.json found upward from each file ------===//

#include "driver/ConfigDiscovery.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

namespace brisk {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr const char *ConfigName = ".brisk.json";

/// The array under Key of each non-empty document, concatenated.
ordered_json concatenated(const ConfigChain &Chain,
                          std::string CheckConfig::*Document, const char *Key) {
  ordered_json Out = ordered_json::array();
  for (const NamedConfig *C : Chain) {
    const std::string &Text = C->Config.*Document;
    if (Text.empty())
      continue;
    ordered_json Doc = ordered_json::parse(Text, nullptr, false);
    if (Key && Doc.contains(Key))
      for (const auto &E : Doc[Key])
        Out.push_back(E);
    else if (!Key)
      Out.push_back(std::move(Doc));
  }
  return Out;
}

} // namespace

EffectiveConfig mergeChain(const ConfigChain &Chain) {
  EffectiveConfig Out;
  for (const NamedConfig *C : Chain) {
    const CheckConfig &Config = C->Config;
    Out.Sources.push_back(C->Path);
    Out.Handlers.insert(Out.Handlers.end(), Config.Handlers.begin(),
                        Config.Handlers.end());
    Out.RuleLists.insert(Out.RuleLists.end(), Config.RuleLists.begin(),
                         Config.RuleLists.end());
    for (const auto &[Rule, Level] : Config.Severities)
      Out.Severities[Rule] = Level;
    if (Config.MaxConcurrency)
      Out.MaxConcurrency = Config.MaxConcurrency;
    if (!Config.DocsUrl.empty())
      Out.DocsUrl = Config.DocsUrl;
  }
  return Out;
}

void dumpConfig(const ConfigChain &Chain, llvm::raw_ostream &OS) {
  EffectiveConfig E = mergeChain(Chain);
  ordered_json Doc;
  Doc["sources"] = E.Sources;
  Doc["handlers"] = E.Handlers;
  Doc["rules"] = E.RuleLists;
  Doc["severity"] = ordered_json::object();
  for (const auto &[Rule, Level] : E.Severities)
    Doc["severity"][Rule] = Level;
  Doc["max_concurrency"] = E.MaxConcurrency.value_or(1);
  if (!E.DocsUrl.empty())
    Doc["docs_url"] = E.DocsUrl;
  Doc["site-catalog"] =
      concatenated(Chain, &CheckConfig::CatalogDocument, "entries");
  Doc["state-catalog"] =
      concatenated(Chain, &CheckConfig::StateDocument, nullptr);
  Doc["credential-patterns"] =
      concatenated(Chain, &CheckConfig::CredentialDocument, "patterns");
  OS << Doc.dump(2) << "\n";
}

llvm::Expected<const NamedConfig *>
ConfigDiscovery::nearest(llvm::StringRef Dir) {
  if (auto It = NearestByDir.find(Dir); It != NearestByDir.end())
    return It->second;
  const NamedConfig *Found = nullptr;
  llvm::SmallString<256> Candidate(Dir);
  llvm::sys::path::append(Candidate, ConfigName);
  if (llvm::sys::fs::exists(Candidate)) {
    auto Config = loadCheckConfig(Candidate);
    if (!Config)
      return Config.takeError();
    auto &Slot = Loaded[std::string(Candidate)];
    Slot = std::make_unique<NamedConfig>(
        NamedConfig{std::string(Candidate), std::move(*Config)});
    Found = Slot.get();
  } else if (llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
             !Parent.empty() && Parent != Dir) {
    auto Up = nearest(Parent);
    if (!Up)
      return Up.takeError();
    Found = *Up;
  }
  NearestByDir[Dir] = Found;
  return Found;
}

llvm::Expected<ConfigChain> ConfigDiscovery::chainFor(llvm::StringRef Path) {
  llvm::SmallString<256> Dir(Path);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  ConfigChain Chain;
  auto Next = nearest(Dir);
  while (true) {
    if (!Next)
      return Next.takeError();
    if (!*Next)
      break;
    Chain.insert(Chain.begin(), *Next);
    if (!(*Next)->Config.Inherit)
      break;
    llvm::StringRef Above = llvm::sys::path::parent_path(
        llvm::sys::path::parent_path((*Next)->Path));
    if (Above.empty() || Above == llvm::sys::path::parent_path((*Next)->Path))
      break;
    Next = nearest(Above);
  }
  return Chain;
}

} // namespace brisk
