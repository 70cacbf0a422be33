//===- SecretFilter.h - Files that must not ship by accident --------------===//
//
// The patterns are data: rules/secrets.json, plus the "secrets" of a
// brisk-pack.json, in the same form:
//   {"match": "*.pem", "reason": "...", "except": ["*.pub"],
//    "contains": ["_auth"]}
// "match" is a glob per path component, matched (without regard to case)
// against the path's last components: "*.pem" any file so named,
// ".aws/credentials" a credentials file in an .aws folder; a trailing '/'
// (".git/") matches everything in such a folder, anywhere. "except" globs
// exempt file names; with "contains", only a file holding one of the strings
// is a secret (an .npmrc with an auth token, not any .npmrc).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_SECRETFILTER_H
#define BRISK_PACKER_PLAN_SECRETFILTER_H

#include "inventory/FileSource.h"
#include "plan/PathPattern.h"

#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace brisk {

struct SecretPattern {
  std::string Match;
  std::string Reason;
  std::vector<std::string> Except;
  std::vector<std::string> Contains;
};

/// Reads a JSON array of patterns; errors name \p Where and the entry.
llvm::Error parseSecretPatterns(const nlohmann::json &Array,
                                llvm::StringRef Where,
                                std::vector<SecretPattern> &Out);

class SecretFilter {
public:
  /// RulesDir/secrets.json, then \p Extra.
  static llvm::Expected<SecretFilter> load(llvm::StringRef RulesDir,
                                           llvm::ArrayRef<SecretPattern> Extra);

  /// Why the tree-relative \p Path looks like a secret, or "" when it does
  /// not (a folder never does: what is in it may). A pattern with
  /// "contains" reads the file from \p Source (null for a link: it does not
  /// apply).
  llvm::Expected<std::string> reason(llvm::StringRef Path, bool IsFolder,
                                     const FileSource *Source) const;

private:
  struct Compiled {
    PathPattern Match;
    std::vector<PathPattern> Except;
    std::vector<std::string> Contains;
    std::string Reason;
  };
  llvm::Error add(const SecretPattern &P, llvm::StringRef Origin);
  std::vector<Compiled> Patterns;
};

} // namespace brisk

#endif
