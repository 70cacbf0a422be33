//===- PatternLiterals.h - String literals shaped like credentials --------===//
//
// Every narrow string literal outside system headers is matched against
// rules/credential-patterns.json and recorded with the place it sits in:
// the call or construction taking it with other arguments, the braced
// initialiser, the class whose member it initialises, or else the function
// (or file) around it, where the rule judges nearness by lines.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_PATTERNLITERALS_H
#define BRISK_ANALYZER_EXTRACT_PATTERNLITERALS_H

#include "extract/TUContext.h"

namespace brisk {

/// Appends the TU's matching literals to TU.Out.Literals.
void summarizePatternLiterals(TUContext &TU);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_PATTERNLITERALS_H
