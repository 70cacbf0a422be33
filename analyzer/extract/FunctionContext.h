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

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

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
  /// Where the Runtime API loop the walker is in begins: locals of Fn
  /// declared before it live across its iterations, the invocations.
  clang::SourceLocation LoopBegin;
  OnceKind Once = OnceKind::None;
  clang::SourceLocation LocOverride;
  /// Mutex locks held at this point of the walk.
  unsigned LockDepth = 0;
  /// Inside the branch a fork() child runs.
  bool InForkedChild = false;
  /// Calls whose result nobody uses (expression statements).
  llvm::DenseSet<const clang::CallExpr *> DiscardedCalls;
  /// Locals declared alone by a declaration statement of a block.
  llvm::DenseSet<const clang::VarDecl *> PlainLocals;
  /// operator[] calls a write through them already accounts for.
  llvm::DenseSet<const clang::Expr *> ConsumedSubscripts;
  /// Inner links of a chain like `s << a << b`: the write of the whole
  /// chain accounts for them.
  llvm::DenseSet<const clang::Expr *> ChainedOperators;
  /// Where each call recorded as a call site sits in its summary.
  llvm::DenseMap<std::pair<const FunctionSummary *, const clang::Expr *>,
                 unsigned>
      CallIndex;

  /// A reference to a call's result, to be given the call's index once the
  /// call is recorded (the walk sees a write before the call inside it).
  struct PendingRef {
    FunctionSummary *In = nullptr;
    enum Place { Write, CallArg, CallObject, Return } Where = Write;
    unsigned Index = 0; // of the write or call site
    unsigned Arg = 0;   // CallArg: which argument
    const clang::CallExpr *Call = nullptr;
  };
  std::vector<PendingRef> PendingRefs;
  /// Whether a return of Fn set Summary.ReturnRef, and whether two returns
  /// disagreed.
  bool ReturnRefSeen = false;
  bool ReturnRefConflict = false;
  /// Whether a return of Fn set Summary.ReturnString.
  bool ReturnStringSeen = false;
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
