//===- RequestDataInGlobal.h - One caller's data kept for the next --------===//
//
// request-data-in-global reports a write to state that outlives the
// invocation whose value derives from the handler's parameters: through
// locals, callees' returns and parameters, and members of objects built
// from the request. A once-guard does not excuse it (a lazy initialisation
// from the first request keeps that caller's data for every later one);
// erasing by a request's key stores nothing, and a counter added to is not
// one caller's data. The notes say how the value got there.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_REQUESTDATAINGLOBAL_H
#define BRISK_ANALYZER_RULES_REQUESTDATAINGLOBAL_H

#include "rules/Rule.h"

namespace brisk {

class RequestDataInGlobal : public Rule {
public:
  llvm::StringRef id() const override { return "request-data-in-global"; }
  Severity defaultSeverity() const override { return Severity::Error; }
  llvm::StringRef summary() const override {
    return "request data stored in global state, where later invocations "
           "can see it";
  }
  llvm::StringRef description() const override {
    return "A value derived from the handler's parameters (the event, its "
           "payload, ids, headers) stored in a global, static or other state "
           "that outlives the invocation. The next invocation of the same "
           "environment, maybe for another caller or tenant, can read it.";
  }
  llvm::StringRef docsPath() const override {
    return "rules/request-data-in-global.md";
  }
  llvm::StringRef precedenceGroup() const override { return "global-write"; }
  void check(const Analysis &A, FindingSink &Sink) const override;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_REQUESTDATAINGLOBAL_H
