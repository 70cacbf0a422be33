//===- FunctionWalker.h - Summarise one function --------------------------===//
//
// Walks one function's body (and a constructor's member initialisers) once,
// tracking the once-guarded regions and Runtime API loops it is in, and hands
// each statement to the fact families that record what it does.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_FUNCTIONWALKER_H
#define BRISK_ANALYZER_EXTRACT_FUNCTIONWALKER_H

#include "extract/TUContext.h"

#include "clang/AST/Decl.h"

namespace brisk {

/// Appends Fn's summary (and its Runtime API loop bodies') to TU.Out.
void summarizeFunction(TUContext &TU, const clang::FunctionDecl *Fn);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_FUNCTIONWALKER_H
