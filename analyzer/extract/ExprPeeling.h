//===- ExprPeeling.h - See through what clang wraps around values ---------===//
//
// Implicit casts, parentheses, temporaries and cleanups sit between the code
// a user wrote and the value it names; the extractor looks through them.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_EXPRPEELING_H
#define BRISK_ANALYZER_EXTRACT_EXPRPEELING_H

#include "clang/AST/Expr.h"

namespace brisk {

/// E without parentheses, casts, temporaries and cleanups around it.
const clang::Expr *peelTemporaries(const clang::Expr *E);

/// Whether E names D: a variable reference or a member access.
bool refersTo(const clang::Expr *E, const clang::ValueDecl *D);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_EXPRPEELING_H
