//===- ExitInHandler.h - Ending the process from a handler ----------------===//
//
// exit-in-handler reports the process-ending calls of rules/process-
// catalog.json (exit, _exit, _Exit, quick_exit, abort, std::terminate)
// in code a handler runs per invocation, through helpers too. Silent in
// main and other init code, under once-guards (a failed initialisation),
// and in the child a fork() started (`_exit` after a failed exec is right).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_EXITINHANDLER_H
#define BRISK_ANALYZER_RULES_EXITINHANDLER_H

#include "catalog/SiteCatalog.h"
#include "rules/Rule.h"

namespace brisk {

class ExitInHandler : public Rule {
public:
  explicit ExitInHandler(const SiteCatalog &Catalog) : Catalog(Catalog) {}

  llvm::StringRef id() const override { return "exit-in-handler"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "the process ends from code a handler runs, so the next "
           "invocation pays a cold start";
  }
  llvm::StringRef description() const override {
    return "exit, _exit, _Exit, quick_exit, abort or std::terminate reached "
           "from a handler. The execution environment dies: the invocation "
           "fails without a response, and the next one starts cold (init "
           "runs again).";
  }
  llvm::StringRef docsPath() const override {
    return "rules/exit-in-handler.md";
  }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  const SiteCatalog &Catalog;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_EXITINHANDLER_H
