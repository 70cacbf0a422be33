//===- CatalogFacts.h - Record catalogue matches of one function ----------===//
//
// A call or construction that matches a catalogue entry becomes a
// CatalogMatch in the function's summary, with the once-guard it sits under
// and the origins of the arguments the entry's condition looks at, so that
// linking can judge it per call path.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H
#define BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H

#include "extract/FunctionContext.h"

namespace brisk {

/// Records the entries calling Callee with Args at L matches.
void recordCallMatches(FunctionContext &F, const clang::FunctionDecl *Callee,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       clang::SourceLocation L);

/// Records the entries constructing Class with Args at L matches.
void recordConstructMatches(FunctionContext &F,
                            const clang::CXXRecordDecl *Class,
                            llvm::ArrayRef<const clang::Expr *> Args,
                            clang::SourceLocation L);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CATALOGFACTS_H
