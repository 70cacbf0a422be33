//===- Rule.h - What every brisk-check rule provides ----------------------===//
//
// A rule reads the linked program model, the reachability facts and the
// resolved writes, and reports findings; it knows nothing about output
// formats or suppressions.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_RULE_H
#define BRISK_ANALYZER_RULES_RULE_H

#include "model/ProgramModel.h"
#include "model/Reachability.h"
#include "model/WriteEffects.h"
#include "report/Finding.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

/// Everything linking computed, for the rules to read.
struct Analysis {
  const ProgramModel &Model;
  const Reachability &Reach;
  const WriteEffects &Writes;
};

struct SiteCatalog;
struct CredentialPatterns;

/// The data and settings rules are built with.
struct RuleContext {
  const SiteCatalog *Sites = nullptr;
  const CredentialPatterns *Credentials = nullptr;
  /// Requests one execution environment serves at once (Lambda Managed
  /// Instances); 1 is the classic one-at-a-time environment.
  unsigned MaxConcurrency = 1;
};

class Rule {
public:
  virtual ~Rule() = default;
  /// The bare id (init-in-handler); suppressions spell it brisk-<id>.
  virtual llvm::StringRef id() const = 0;
  virtual Severity defaultSeverity() const = 0;
  /// One line saying what the rule finds.
  virtual llvm::StringRef summary() const = 0;
  /// A paragraph saying what the rule finds and why it matters.
  virtual llvm::StringRef description() const = 0;
  /// The rule's documentation page, relative to docs/.
  virtual llvm::StringRef docsPath() const = 0;
  /// Why the rule cannot run with these settings (it is then off whatever
  /// the rule lists say); empty when it can.
  virtual std::string unavailableReason() const { return ""; }
  /// Rules that judge one kind of site (a write to global state) share a
  /// group: at one site only the first of the group, in registry order, is
  /// reported.
  virtual llvm::StringRef precedenceGroup() const { return ""; }
  virtual void check(const Analysis &A, FindingSink &Sink) const = 0;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_RULE_H
