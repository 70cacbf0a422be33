//===- HardcodedCredential.h - Secrets written into the source ------------===//
//
// hardcoded-credential reports, anywhere in the program (not only in code
// handlers reach), string literals matching rules/credential-patterns.json:
// an AWS access key id (AKIA or ASIA and 16 characters of [A-Z2-7]) on its
// own, and a 40-character secret access key only next to a key id (the same
// call, braced initialiser, class or run of declarations). Look-alikes stay
// silent: "AKIA" alone, shorter ids, names such as "ASIA-PACIFIC-ORDERS",
// hex digests, placeholders of one repeated letter.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_HARDCODEDCREDENTIAL_H
#define BRISK_ANALYZER_RULES_HARDCODEDCREDENTIAL_H

#include "catalog/CredentialPatterns.h"
#include "rules/Rule.h"

namespace brisk {

class HardcodedCredential : public Rule {
public:
  explicit HardcodedCredential(const CredentialPatterns &Patterns)
      : Patterns(Patterns) {}

  llvm::StringRef id() const override { return "hardcoded-credential"; }
  Severity defaultSeverity() const override { return Severity::Error; }
  llvm::StringRef summary() const override {
    return "an AWS access key id or secret key written in a string literal";
  }
  llvm::StringRef description() const override {
    return "A string literal anywhere in the program that is an AWS access "
           "key id, or a secret access key next to one. Anyone who can read "
           "the source, the repository history or the deployment package "
           "can use it; Lambda gives every function credentials through its "
           "execution role.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/hardcoded-credential.md";
  }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  const CredentialPatterns &Patterns;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_HARDCODEDCREDENTIAL_H
