//===- CheckData.h - Our catalogues plus what the config file adds --------===//
//
// Everything a run reads besides the code: the catalogues in rules/ (the
// site catalogue from init-, process- and tmp-file-catalog.json, the state
// catalogue, the credential patterns), extended or overridden by the
// config files (--config, or the .brisk.json files discovered), and their
// handlers, rule lists, severities and concurrency.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CHECKDATA_H
#define BRISK_ANALYZER_DRIVER_CHECKDATA_H

#include "catalog/Catalogs.h"
#include "driver/ConfigDiscovery.h"

#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

struct CheckData {
  SiteCatalog Sites;
  StateCatalog State;
  CredentialPatterns Credentials;
  std::vector<std::string> Handlers;
  std::vector<std::string> RuleLists;
  std::map<std::string, std::string> Severities; // as the config spells them
  std::optional<unsigned> MaxConcurrency;
  std::string DocsUrl;

  Catalogs catalogs() const { return {&Sites, &State, &Credentials}; }
};

/// Loads RulesDir's catalogues, then applies Configs in order on top
/// (catalogue entries and lists add up, later scalars win).
llvm::Expected<CheckData> loadCheckData(llvm::StringRef RulesDir,
                                        const ConfigChain &Configs);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CHECKDATA_H
