//===- CheckData.cpp - Our catalogues plus what the config file adds ------===//

#include "driver/CheckData.h"

#include "rules/CheckConfig.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace brisk {

namespace {

std::string inDir(llvm::StringRef Dir, llvm::StringRef Name) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

} // namespace

llvm::Expected<CheckData> loadCheckData(llvm::StringRef RulesDir,
                                        const ConfigChain &Configs) {
  CheckData Data;
  auto Sites = loadSiteCatalog({inDir(RulesDir, "init-catalog.json"),
                                inDir(RulesDir, "process-catalog.json"),
                                inDir(RulesDir, "tmp-file-catalog.json")});
  if (!Sites)
    return Sites.takeError();
  Data.Sites = std::move(*Sites);
  auto State = loadStateCatalog({inDir(RulesDir, "state-catalog.json")});
  if (!State)
    return State.takeError();
  Data.State = std::move(*State);
  auto Credentials =
      loadCredentialPatterns({inDir(RulesDir, "credential-patterns.json")});
  if (!Credentials)
    return Credentials.takeError();
  Data.Credentials = std::move(*Credentials);

  for (const NamedConfig *C : Configs) {
    const CheckConfig &Config = C->Config;
    const std::string &Name = C->Path;
    if (!Config.CatalogDocument.empty())
      if (auto E = mergeSiteCatalog(Data.Sites, Config.CatalogDocument,
                                    Name + ": catalogue entries"))
        return std::move(E);
    if (!Config.StateDocument.empty())
      if (auto E = mergeStateCatalog(Data.State, Config.StateDocument,
                                     Name + ": state-catalog"))
        return std::move(E);
    if (!Config.CredentialDocument.empty())
      if (auto E = mergeCredentialPatterns(Data.Credentials,
                                           Config.CredentialDocument,
                                           Name + ": credential-patterns"))
        return std::move(E);
  }
  EffectiveConfig Merged = mergeChain(Configs);
  Data.Handlers = std::move(Merged.Handlers);
  Data.RuleLists = std::move(Merged.RuleLists);
  Data.Severities = std::move(Merged.Severities);
  Data.MaxConcurrency = Merged.MaxConcurrency;
  Data.DocsUrl = std::move(Merged.DocsUrl);
  return Data;
}

} // namespace brisk
