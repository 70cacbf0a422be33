//===- CheckConfig.h - The --config file of brisk-check -------------------===//
//
// A JSON object with optional keys "version" (1), "handlers" (qualified
// names), "rules" (a rule list, string or array of strings) and
// "init-catalog" (entries in the schema of rules/init-catalog.json that add
// to or override ours by id). Any other key is an error, so that a typo is
// never silently ignored.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_CHECKCONFIG_H
#define BRISK_ANALYZER_RULES_CHECKCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct CheckConfig {
  std::vector<std::string> Handlers;
  std::vector<std::string> RuleLists;
  /// The "init-catalog" entries as a catalogue document, for
  /// mergeInitCatalog; empty when the key is absent.
  std::string CatalogDocument;
};

/// Parses a config document; Name (the file) is used in errors.
llvm::Expected<CheckConfig> parseCheckConfig(llvm::StringRef Text,
                                             llvm::StringRef Name);

/// Reads and parses the config file at Path.
llvm::Expected<CheckConfig> loadCheckConfig(llvm::StringRef Path);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_CHECKCONFIG_H
