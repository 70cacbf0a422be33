//===- StatefulGlobal.h - State one invocation leaves for the next --------===//
//
// stateful-global reports a per-invocation write to state that outlives the
// invocation (PersistentWrites) that is not a once-initialisation: later
// invocations in the same environment see what earlier ones left. Silent
// for writes under a once-guard (a function-local static's initialiser,
// std::call_once, lazy-init and cold-start flags), for erasing (a reset),
// for assignments of one and the same constant wherever the handler
// assigns that state (idempotent: every invocation leaves it as it was),
// and for insertions into a container the handler also empties or replaces
// per invocation (a reused buffer).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_STATEFULGLOBAL_H
#define BRISK_ANALYZER_RULES_STATEFULGLOBAL_H

#include "rules/Rule.h"

namespace brisk {

class StatefulGlobal : public Rule {
public:
  llvm::StringRef id() const override { return "stateful-global"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "global state written on every invocation, so later invocations "
           "see what earlier ones left";
  }
  llvm::StringRef description() const override {
    return "A write, in code a handler runs per invocation, to a global, "
           "class-static or function-local static variable (or something "
           "reached through one) that is not a once-initialisation. Lambda "
           "reuses the execution environment for many invocations, so the "
           "function's behaviour comes to depend on which environment serves "
           "a request and what it served before.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/stateful-global.md";
  }
  llvm::StringRef precedenceGroup() const override { return "global-write"; }
  void check(const Analysis &A, FindingSink &Sink) const override;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_STATEFULGLOBAL_H
