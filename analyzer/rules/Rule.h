//===- Rule.h - What every brisk-check rule provides ----------------------===//
//
// A rule reads the linked program model and the reachability facts and
// reports findings; it knows nothing about output formats or suppressions.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_RULE_H
#define BRISK_ANALYZER_RULES_RULE_H

#include "model/ProgramModel.h"
#include "model/Reachability.h"
#include "report/Finding.h"

#include "llvm/ADT/StringRef.h"

namespace brisk {

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
  virtual void check(const ProgramModel &Model, const Reachability &Reach,
                     FindingSink &Sink) const = 0;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_RULE_H
