//===- LazyInitGuard.h - Recognise `if (!g) { g = ...; }` -----------------===//
//
// A lazy-init guard runs its block once per execution environment: the
// block initialises state that outlives the invocation (a global, a static
// or a member) and the condition tests that this state is not initialised
// yet. Both halves must hold: an `if` on anything else, or a block that does
// not initialise what the condition tests, runs per invocation. The forms:
//
//   if (!g) { g = ...; }           if (g == nullptr), !g.has_value(),
//                                  g.empty(), g == std::nullopt
//   if (g) { g = false; ... }      the cold-start flag
//   if (!g.exchange(true)) { ... } an atomic flag set by the test itself
//   if (g) return ...; g = ...;    an early return, then the initialisation
//   if (!g || bad(g)) { g = ...; } built when missing, rebuilt when broken
//   if (g && ok(g)) return ...;    (a reconnect): one instance all reuse
//
// A guard on a member of the implicit object is once only when that object
// outlives the invocation; linking decides.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H
#define BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H

#include "model/Summary.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"

namespace brisk {

/// The once-guard S's then-branch is under: LazyInitGuard for a global or
/// static (or a member of one), LazyInitMember for a member of the implicit
/// object, None when S is not a lazy-init guard.
OnceKind lazyInitGuard(const clang::IfStmt *S);

/// The once-guard the statements after S in its block are under when S is
/// `if (g) return ...;` and they initialise g; None otherwise.
OnceKind earlyReturnGuard(const clang::IfStmt *S,
                          llvm::ArrayRef<const clang::Stmt *> Rest);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H
