//===- UnsynchronizedGlobal.h - Global writes concurrent requests race on -===//
//
// unsynchronized-global runs only when one environment serves several
// requests at once (--max-concurrency above 1, as on Lambda Managed
// Instances). It reports a per-invocation write to state that outlives the
// invocation made without a mutex lock held (in the function, or by every
// caller of it) and not on an atomic object. A lazy initialisation is such
// a write (two requests can both find the state unset); the initialiser of
// a function-local static and std::call_once are synchronised by the
// language, and thread_local state is not shared.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_UNSYNCHRONIZEDGLOBAL_H
#define BRISK_ANALYZER_RULES_UNSYNCHRONIZEDGLOBAL_H

#include "rules/Rule.h"

namespace brisk {

class UnsynchronizedGlobal : public Rule {
public:
  explicit UnsynchronizedGlobal(unsigned MaxConcurrency)
      : MaxConcurrency(MaxConcurrency) {}

  llvm::StringRef id() const override { return "unsynchronized-global"; }
  Severity defaultSeverity() const override { return Severity::Error; }
  llvm::StringRef summary() const override {
    return "global state written without a lock while an environment serves "
           "requests concurrently";
  }
  llvm::StringRef description() const override {
    return "With --max-concurrency above 1 (Lambda Managed Instances, where "
           "one execution environment serves up to "
           "AWS_LAMBDA_MAX_CONCURRENCY requests at once): a write or "
           "read-modify-write of state that outlives the invocation, made "
           "without a mutex lock and not on an atomic object. Concurrent "
           "invocations race on it.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/unsynchronized-global.md";
  }
  std::string unavailableReason() const override {
    return MaxConcurrency > 1 ? "" : "needs --max-concurrency above 1";
  }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  unsigned MaxConcurrency;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_UNSYNCHRONIZEDGLOBAL_H
