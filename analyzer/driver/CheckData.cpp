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
                                        llvm::StringRef ConfigPath) {
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
  if (ConfigPath.empty())
    return Data;

  auto Config = loadCheckConfig(ConfigPath);
  if (!Config)
    return Config.takeError();
  if (!Config->CatalogDocument.empty())
    if (auto E = mergeSiteCatalog(Data.Sites, Config->CatalogDocument,
                                  ConfigPath.str() + ": catalogue entries"))
      return std::move(E);
  if (!Config->StateDocument.empty())
    if (auto E = mergeStateCatalog(Data.State, Config->StateDocument,
                                   ConfigPath.str() + ": state-catalog"))
      return std::move(E);
  if (!Config->CredentialDocument.empty())
    if (auto E = mergeCredentialPatterns(
            Data.Credentials, Config->CredentialDocument,
            ConfigPath.str() + ": credential-patterns"))
      return std::move(E);
  Data.Handlers = std::move(Config->Handlers);
  Data.RuleLists = std::move(Config->RuleLists);
  Data.Severities = std::move(Config->Severities);
  Data.MaxConcurrency = Config->MaxConcurrency;
  return Data;
}

} // namespace brisk
