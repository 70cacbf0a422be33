//===- PruneProfile.h - What --prune may remove from installed packages ---===//
//
// rules/prune/python.json and rules/prune/node.json (docs/managed-runtimes.md)
// list rules in tiers: --prune=safe (the default) applies the safe ones,
// aggressive those too, none nothing. A user profile extends ours:
//   {"schema_version": 1, "extends": "python", "disable": ["docs"],
//    "rules": [{"id": "benchmarks", "tier": "safe", "match": ["benchmarks/"],
//               "description": "..."}]}
// Its rules come after ours; "disable" turns ours off by id.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_PRUNEPROFILE_H
#define BRISK_PACKER_MANAGED_PRUNEPROFILE_H

#include "managed/PruneTier.h"
#include "managed/RuntimeFacts.h"
#include "plan/PathPattern.h"

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace brisk {

struct PruneRule {
  std::string Id;
  PruneTier Tier = PruneTier::Safe;
  std::vector<PathPattern> Match;
  /// A folder match only counts when the folder is not an importable Python
  /// package (holds no __init__.py): botocore/docs/ is code.
  bool UnlessPythonPackage = false;
  /// Only bytecode whose tag is not the runtime's (cpython-312).
  bool BytecodeForOtherPython = false;
  /// Only a file next to one with its extension replaced by this
  /// (foo.ts next to foo.js).
  std::string RequiresSibling;
  /// Not when the function's variable holds the value
  /// (NODE_OPTIONS=--enable-source-maps keeps source maps).
  std::map<std::string, std::string> UnlessEnvironment;
  std::string Description;
};

struct PruneProfile {
  /// "python" or "node".
  std::string Name;
  std::vector<PruneRule> Rules;
};

/// Our profile for \p Language, extended by those of \p UserProfiles that
/// extend it (the others are for the other language). Errors name the file
/// and the entry.
llvm::Expected<PruneProfile>
loadPruneProfile(llvm::StringRef RulesDir, ManagedLanguage Language,
                 llvm::ArrayRef<std::string> UserProfiles);

/// The same from JSON texts: ours, then the users' (\p Origins names them).
llvm::Expected<PruneProfile>
parsePruneProfile(llvm::StringRef Ours, llvm::StringRef OursOrigin,
                  llvm::ArrayRef<std::pair<std::string, std::string>> Users);

} // namespace brisk

#endif
