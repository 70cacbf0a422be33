//===- CheckData.h - Our catalogues plus what the config file adds --------===//
//
// Everything a run reads besides the code: the catalogues in rules/ (the
// site catalogue from init-, process- and tmp-file-catalog.json, the state
// catalogue, the credential patterns), extended or overridden by the
// --config file, and the config file's handlers, rule lists, severities and
// concurrency.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CHECKDATA_H
#define BRISK_ANALYZER_DRIVER_CHECKDATA_H

#include "catalog/Catalogs.h"

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

  Catalogs catalogs() const { return {&Sites, &State, &Credentials}; }
};

/// Loads RulesDir's catalogues, then ConfigPath (when not empty) on top.
llvm::Expected<CheckData> loadCheckData(llvm::StringRef RulesDir,
                                        llvm::StringRef ConfigPath);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CHECKDATA_H
