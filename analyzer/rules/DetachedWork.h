//===- DetachedWork.h - Work that outlives the response -------------------===//
//
// detached-work reports, in code a handler runs per invocation, what
// rules/process-catalog.json lists: a detached thread (std::thread::detach,
// pthread_detach), a std::async whose future is discarded, and a child
// process (fork, vfork, posix_spawn) when nothing the handler runs waits
// for a child (wait, waitpid). A joined thread is silent; so is work
// started once, under a once-guard.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_DETACHEDWORK_H
#define BRISK_ANALYZER_RULES_DETACHEDWORK_H

#include "catalog/SiteCatalog.h"
#include "rules/Rule.h"

namespace brisk {

class DetachedWork : public Rule {
public:
  explicit DetachedWork(const SiteCatalog &Catalog) : Catalog(Catalog) {}

  llvm::StringRef id() const override { return "detached-work"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "threads or processes started per invocation that outlive the "
           "response";
  }
  llvm::StringRef description() const override {
    return "A detached thread, a std::async whose future is discarded, or a "
           "child process nobody waits for, started in code a handler runs. "
           "Lambda freezes the execution environment once the response is "
           "sent; the work resumes, if ever, during a later invocation, and "
           "is lost when the environment is torn down.";
  }
  llvm::StringRef docsPath() const override { return "rules/detached-work.md"; }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  const SiteCatalog &Catalog;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_DETACHEDWORK_H
