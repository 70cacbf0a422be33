//===- InitInHandler.h - Expensive initialisation run per invocation ------===//
//
// init-in-handler reports catalogue matches (SDK clients, connections,
// regexes, ...) in per-invocation code whose hoisting condition holds: the
// same work could run once at init and be reused by warm invocations. A
// local built from compile-time constants, where the entry allows it, gets
// the fix-it that makes it a function-local static.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_INITINHANDLER_H
#define BRISK_ANALYZER_RULES_INITINHANDLER_H

#include "catalog/SiteCatalog.h"
#include "rules/Rule.h"

namespace brisk {

class InitInHandler : public Rule {
public:
  explicit InitInHandler(const SiteCatalog &Catalog) : Catalog(Catalog) {}

  llvm::StringRef id() const override { return "init-in-handler"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "expensive initialisation that runs on every invocation instead "
           "of once at init";
  }
  llvm::StringRef description() const override {
    return "Construction or calls listed in the init catalogue (AWS SDK "
           "clients, SDK and curl initialisation, database connections, gRPC "
           "channels, TLS contexts, dlopen, regexes and files with constant "
           "inputs) that run on every invocation of a Lambda handler although "
           "they could run once at init and be reused by warm invocations.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/init-in-handler.md";
  }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  bool isHoistable(const SiteCatalogEntry &Entry, const CatalogMatch &Match,
                   NodeId Where, const Reachability &Reach) const;

  const SiteCatalog &Catalog;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_INITINHANDLER_H
