//===- UnboundedGlobalGrowth.h - Global containers that only grow ---------===//
//
// unbounded-global-growth reports a per-invocation insertion into lasting
// state (a container, a string) when nothing the same handler runs per
// invocation ever takes anything out of it: no erase, clear, pop, resize,
// shrink_to_fit or assignment of a whole new value, to it or to an object
// holding it. A size-checked eviction (`if (c.size() > N) c.erase(...)`)
// and a bounded LRU cache are removals, so they are silent; so is an
// insertion whose key is a constant or of a small type (an enumeration,
// a bool), which adds a bounded number of entries.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_UNBOUNDEDGLOBALGROWTH_H
#define BRISK_ANALYZER_RULES_UNBOUNDEDGLOBALGROWTH_H

#include "rules/Rule.h"

namespace brisk {

class UnboundedGlobalGrowth : public Rule {
public:
  llvm::StringRef id() const override { return "unbounded-global-growth"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "a global container inserted into on every invocation and never "
           "cleared or evicted";
  }
  llvm::StringRef description() const override {
    return "An insertion, in code a handler runs per invocation, into a "
           "container or string that outlives the invocation, when nothing "
           "the handler runs ever erases, clears, evicts or replaces its "
           "contents. The environment stays warm for many invocations, so "
           "memory grows until the function runs out of it and the "
           "environment is torn down.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/unbounded-global-growth.md";
  }
  llvm::StringRef precedenceGroup() const override { return "global-write"; }
  void check(const Analysis &A, FindingSink &Sink) const override;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_UNBOUNDEDGLOBALGROWTH_H
