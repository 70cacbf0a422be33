//===- CredentialPatterns.h - What a secret in a string literal looks like ===//
//
// rules/credential-patterns.json (plus the "credential-patterns" key of
// --config files) lists the string-literal shapes hardcoded-credential
// reports: a pattern matched anywhere in the literal (an AWS access key id),
// or the whole literal, reported only next to a literal of another pattern
// (a secret access key beside its key id), with extra conditions that keep
// look-alikes out (a hex digest, a placeholder of repeated letters).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CATALOG_CREDENTIALPATTERNS_H
#define BRISK_ANALYZER_CATALOG_CREDENTIALPATTERNS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

struct CredentialPattern {
  std::string Id;
  std::string Description;           // "AWS access key id", for messages
  std::string Regex;                 // POSIX extended, searched in the literal
  std::vector<std::string> Requires; // each must also be found
  std::vector<std::string> Excludes; // none may be found
  /// The longest run of one repeated character a match may hold (0: any).
  unsigned MaxRun = 0;
  /// Empty: reported on its own. Otherwise reported only next to a literal
  /// of this pattern.
  std::string NextTo;
  bool Disabled = false;
  /// Regex, Requires and Excludes compiled (shared by copies; matching is
  /// const and may run on several threads).
  std::shared_ptr<const llvm::Regex> Compiled;
  std::vector<std::shared_ptr<const llvm::Regex>> CompiledRequires;
  std::vector<std::shared_ptr<const llvm::Regex>> CompiledExcludes;
};

struct CredentialPatterns {
  std::vector<CredentialPattern> Patterns; // sorted by Id

  const CredentialPattern *find(llvm::StringRef Id) const;
  /// The ids of the enabled patterns Literal matches, in Id order.
  std::vector<std::string> match(llvm::StringRef Literal) const;
  std::string fingerprint() const;
};

/// Merges one document; an entry with a known id overrides it field by field.
llvm::Error mergeCredentialPatterns(CredentialPatterns &Into,
                                    llvm::StringRef Text, llvm::StringRef Name);

llvm::Expected<CredentialPatterns>
loadCredentialPatterns(llvm::ArrayRef<std::string> Paths);

} // namespace brisk

#endif // BRISK_ANALYZER_CATALOG_CREDENTIALPATTERNS_H
