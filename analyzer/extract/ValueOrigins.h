//===- ValueOrigins.h - Where a function's values come from ---------------===//
//
// Intra-procedural, flow-insensitive taint: a local depends on whatever its
// initialiser or any write to it depends on (assignment, a non-const method
// called on it, being passed by non-const reference or pointer), iterated to
// a fixpoint. Parameters of the analysed function, and its implicit object,
// are symbolic (one bit each) so that linking can decide per call path
// whether they carry request data.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_VALUEORIGINS_H
#define BRISK_ANALYZER_EXTRACT_VALUEORIGINS_H

#include "model/Summary.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <functional>

namespace brisk {

/// True for calls that fetch the next event from the Runtime API: they return
/// (or fill their out-arguments with) per-invocation request data.
bool fetchesRuntimeEvent(const clang::CallExpr *CE);

/// True when E mentions the Runtime API's next-invocation path, directly or
/// through a variable initialised with it.
bool mentionsNextInvocationPath(const clang::Stmt *S);

class ValueOrigins {
public:
  /// Says whether a call returns (or fills its out-arguments with) the next
  /// event: beyond fetchesRuntimeEvent, the TU knows which of its own
  /// functions fetch.
  using EventFetchPredicate = std::function<bool(const clang::CallExpr *)>;

  /// Fn: the function whose parameters are symbolic (may be null for a
  /// global initialiser). Body: the statements to learn locals from.
  ValueOrigins(const clang::FunctionDecl *Fn, const clang::Stmt *Body,
               EventFetchPredicate IsEventFetch = fetchesRuntimeEvent);

  ValueOrigin originOf(const clang::Expr *E) const;
  /// The origin of a variable's value as seen from the analysed function.
  ValueOrigin originOf(const clang::VarDecl *VD) const;

  /// The expressions that give a local of the analysed function its value:
  /// its initialiser, assignments, calls that write it. Empty for anything
  /// else.
  llvm::ArrayRef<const clang::Expr *>
  definitionsOf(const clang::VarDecl *VD) const;

private:
  ValueOrigin originOf(const clang::Expr *E, unsigned Depth) const;
  ValueOrigin originOfVar(const clang::VarDecl *VD, unsigned Depth) const;
  /// `this`: the implicit-object pseudo-parameter.
  ValueOrigin objectOrigin() const;
  void collect(const clang::Stmt *Body);
  void solve();

  llvm::DenseMap<const clang::ParmVarDecl *, unsigned> ParamIndex;
  /// The analysed function has an implicit object of its own (a method or
  /// constructor, not a lambda, whose `this` is its enclosing object's).
  bool HasObject = false;
  /// Locals of the analysed function and the expressions that write them.
  llvm::DenseMap<const clang::VarDecl *,
                 llvm::SmallVector<const clang::Expr *, 2>>
      Sources;
  llvm::DenseMap<const clang::VarDecl *, ValueOrigin> Locals;
  EventFetchPredicate IsEventFetch;
  friend class SourceCollector;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_VALUEORIGINS_H
