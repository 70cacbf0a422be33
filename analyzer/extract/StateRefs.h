//===- StateRefs.h - What an expression names, as a place a write lands ---===//
//
// `g.Items[k]`, `this->Cache`, `*Ptr`, `Registry::instance().Routes`: the
// state a write to the expression changes. Members are kept as a path below
// the root; elements of arrays and library containers, what a smart pointer
// or iterator points to, and what a library accessor (at(), back(), get())
// returns are the container itself. Locals that are references, pointers or
// iterators are followed to what they were bound to. What one function
// cannot know (a parameter, the implicit object, what a user function
// returns) stays symbolic for linking.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_STATEREFS_H
#define BRISK_ANALYZER_EXTRACT_STATEREFS_H

#include "extract/FunctionContext.h"

#include "clang/AST/ExprCXX.h"

namespace brisk {

struct ResolvedRef {
  StateRef Ref;
  /// For RefRoot::CallResult: the call whose result it is (its index in the
  /// summary is known once the call is recorded).
  const clang::CallExpr *Call = nullptr;
  /// The expression went through operator[] of a keyed container (a map):
  /// that subscript inserts Key when it is missing.
  const clang::CXXOperatorCallExpr *KeyedSubscript = nullptr;
  const clang::Expr *Key = nullptr;
  /// The expression is an element of what Ref names (through a subscript,
  /// a dereference or a library accessor), not the whole of it.
  bool Element = false;
};

/// What E names as a place to write, seen from F's function.
ResolvedRef resolveStateRef(const FunctionContext &F, const clang::Expr *E);

/// Whether T, a parameter's type, lets the callee write what the caller
/// passes: a non-const reference or pointer, or a handle that shares its
/// object (std::shared_ptr, std::reference_wrapper, an iterator).
bool isWritableParamType(clang::QualType T);

/// Whether RD belongs to a library (a system header or namespace std):
/// its methods are known by name from the state catalogue, not followed.
bool isLibraryClass(const TUContext &TU, const clang::CXXRecordDecl *RD);

/// The object a chain of library operators that return their left operand
/// starts from: `s` for `s << a << b` and for `(s += a) += b`; E itself
/// when it is no such chain.
const clang::Expr *chainedObject(const TUContext &TU, const clang::Expr *E);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_STATEREFS_H
