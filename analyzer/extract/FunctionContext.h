//===- FunctionContext.h - Where the walker is inside one function --------===//
//
// The state every fact family reads while one function is walked: the
// function, the origins of its values, the summary facts go to (the
// function's own, or a Runtime API loop body's), the once-guard the walker is
// under, and the location a site inside a compiler-written constructor is
// reported at.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_FUNCTIONCONTEXT_H
#define BRISK_ANALYZER_EXTRACT_FUNCTIONCONTEXT_H

#include "extract/DeclNames.h"
#include "extract/TUContext.h"
#include "extract/ValueOrigins.h"

#include <deque>
#include <functional>

namespace brisk {

class FunctionContext {
public:
  FunctionContext(TUContext &TU, const clang::FunctionDecl *Fn)
      : TU(TU), Fn(Fn),
        Origins(Fn, Fn->getBody(), [&TU](const clang::CallExpr *CE) {
          return TU.RuntimeApi.fetchesEvent(CE);
        }) {}
  FunctionContext(const FunctionContext &) = delete;
  FunctionContext &operator=(const FunctionContext &) = delete;

  /// Whether facts go to a Runtime API loop body rather than Fn itself.
  bool inLoopBody() const { return Target != &Summary; }

  ValueOrigin originOf(const clang::Expr *E) const {
    return forTarget(Origins.originOf(E));
  }
  ValueOrigin originOf(const clang::VarDecl *VD) const {
    return forTarget(Origins.originOf(VD));
  }

  SourceLoc siteLoc(clang::SourceLocation L) const {
    return sourceLoc(TU.SM, LocOverride.isValid() ? LocOverride : L);
  }

  TUContext &TU;
  const clang::FunctionDecl *Fn;
  ValueOrigins Origins;
  FunctionSummary Summary;
  /// Bodies of the Runtime API polling loops found in Fn.
  std::deque<FunctionSummary> Loops;
  FunctionSummary *Target = &Summary;
  OnceKind Once = OnceKind::None;
  clang::SourceLocation LocOverride;
  /// Walks S as part of the function (members' default initialisers that a
  /// compiler-written constructor runs).
  std::function<void(const clang::Stmt *)> Traverse;

private:
  ValueOrigin forTarget(ValueOrigin O) const {
    if (inLoopBody()) {
      // In a loop body the enclosing function's parameters (main's argv) are
      // not request data; only what the loop fetched is.
      constexpr uint64_t LoopBit = uint64_t(1) << ValueOrigin::LoopRequestBit;
      if (O.ParamMask & ~LoopBit)
        O.Other = true;
      O.ParamMask &= LoopBit;
    }
    return O;
  }
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_FUNCTIONCONTEXT_H
