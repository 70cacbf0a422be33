//===- LazyInitGuard.h - Recognise `if (!g) { g = ...; }` -----------------===//
//
// A lazy-init guard runs its block once per execution environment: the
// block initialises state that outlives the invocation (a global, a static
// or a member) and the condition tests that this state is not initialised
// yet. Both halves must hold: an `if` on anything else, or a block that does
// not initialise what the condition tests, runs per invocation.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H
#define BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace brisk {

/// The global, static or member S lazily initialises, or null when S is not
/// a lazy-init guard.
const clang::ValueDecl *lazyInitTarget(const clang::IfStmt *S);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_LAZYINITGUARD_H
