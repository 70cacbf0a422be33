//===- HandlerFacts.h - Handlers a function registers or contains ---------===//
//
// A function registers a handler when it passes a callable to
// aws::lambda_runtime::run_handler (traced back through variables to the
// function, lambda or function object that runs), and contains one when it
// has a loop that polls the Runtime API: the loop's body becomes a synthetic
// function that is registered as a handler.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_HANDLERFACTS_H
#define BRISK_ANALYZER_EXTRACT_HANDLERFACTS_H

#include "extract/FunctionContext.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"

namespace brisk {

/// Whether D is aws::lambda_runtime::run_handler.
bool isRunHandler(const clang::NamedDecl *D);

/// Whether FD carries [[clang::annotate("brisk::handler")]].
bool hasHandlerAnnotation(const clang::FunctionDecl *FD);

class HandlerFacts {
public:
  explicit HandlerFacts(FunctionContext &F) : F(F) {}

  /// Registers the handler a run_handler call passes.
  void onCall(const clang::CallExpr *CE);
  /// After a fatal error, the run_handler call clang could not type-check.
  void onRecoveryExpr(const clang::RecoveryExpr *RE);

  /// Finds the Runtime API polling loops in Fn's body.
  void findPollingLoops(const clang::Stmt *Body);
  /// When S is one of them: starts its synthetic function, registers it and
  /// makes it the target of facts; returns false for any other statement.
  bool beginPollingLoop(const clang::Stmt *S);

private:
  void registerHandler(const clang::Expr *Arg, clang::SourceLocation L);
  const clang::FunctionDecl *resolveCallable(const clang::Expr *E,
                                             unsigned Depth) const;
  bool isPollingLoopBody(const clang::Stmt *Body);

  FunctionContext &F;
  llvm::DenseSet<const clang::Stmt *> PollingLoops;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_HANDLERFACTS_H
