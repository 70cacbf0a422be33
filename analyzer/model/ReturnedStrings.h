//===- ReturnedStrings.h - Strings built from what functions return -------===//
//
// A path is often built by a helper and used by its caller: the handler
// removes the file whose name download() returned. Extraction names the
// program functions a string is built from ("result:<USR>"); linking puts in
// what those functions return (their own summaries' ReturnString), so that
// rules compare the caller's string with the helper's.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_RETURNEDSTRINGS_H
#define BRISK_ANALYZER_MODEL_RETURNEDSTRINGS_H

#include "model/ProgramModel.h"

namespace brisk {

/// S, seen in node Where, with the names and sources of what the program
/// functions it is built from return (their parameters left out: those are
/// their own frame's), and, when S starts with one's result, that result's
/// prefix (no longer complete: the caller may append).
StringFacts withReturnedStrings(const ProgramModel &M, NodeId Where,
                                const StringFacts &S);

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_RETURNEDSTRINGS_H
