//===- CatalogFacts.h - Record catalogue matches of one function ----------===//
//
// A call or construction that matches a catalogue entry becomes a
// CatalogMatch in the function's summary, with the once-guard it sits under,
// whether it runs in a fork() child, and the origins and string facts of the
// arguments the entry names, so that linking can judge it per call path.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H
#define BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H

#include "extract/FunctionContext.h"

namespace brisk {

/// Records the entries the call CE of Callee with Args at L matches.
void recordCallMatches(FunctionContext &F, const clang::CallExpr *CE,
                       const clang::FunctionDecl *Callee,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       clang::SourceLocation L);

/// Records the entries constructing Class with Args at L matches. Declared
/// is the local the construction initialises, if any (for the fix-it).
void recordConstructMatches(FunctionContext &F,
                            const clang::CXXRecordDecl *Class,
                            llvm::ArrayRef<const clang::Expr *> Args,
                            clang::SourceLocation L,
                            const clang::VarDecl *Declared);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H
