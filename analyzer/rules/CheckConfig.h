//===- CheckConfig.h - The --config file of brisk-check -------------------===//
//
// A JSON object with optional keys "version" (1), "handlers" (qualified
// names), "rules" (a rule list, string or array of strings), "severity"
// (rule id -> note, warning or error), "max_concurrency" (as
// --max-concurrency), "init-catalog" and "site-catalog" (entries in the
// schema of rules/init-catalog.json that add to or override ours by id),
// "state-catalog" (a document in the schema of rules/state-catalog.json)
// and "credential-patterns" (patterns as in rules/credential-patterns.json),
// "docs_url" (as --docs-url) and "inherit" (a discovered .brisk.json also
// takes the settings of the next one up, as .clang-tidy's
// InheritParentConfig).
// Any other key is an error, so that a typo is never silently ignored.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_CHECKCONFIG_H
#define BRISK_ANALYZER_RULES_CHECKCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

struct CheckConfig {
  std::vector<std::string> Handlers;
  std::vector<std::string> RuleLists;
  /// Rule id as written (bare or brisk-) -> severity name as written; the
  /// driver checks both.
  std::map<std::string, std::string> Severities;
  std::optional<unsigned> MaxConcurrency;
  bool Inherit = false;
  std::string DocsUrl;
  /// The "init-catalog" and "site-catalog" entries as one catalogue
  /// document, for mergeSiteCatalog; empty when both keys are absent.
  std::string CatalogDocument;
  /// The "state-catalog" object, for mergeStateCatalog; empty when absent.
  std::string StateDocument;
  /// The "credential-patterns" as a document, for mergeCredentialPatterns.
  std::string CredentialDocument;
};

/// Parses a config document; Name (the file) is used in errors.
llvm::Expected<CheckConfig> parseCheckConfig(llvm::StringRef Text,
                                             llvm::StringRef Name);

/// Reads and parses the config file at Path.
llvm::Expected<CheckConfig> loadCheckConfig(llvm::StringRef Path);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_CHECKCONFIG_H
