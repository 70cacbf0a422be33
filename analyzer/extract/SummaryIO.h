//===- SummaryIO.h - Summaries to and from JSON ---------------------------===//
//
// Summaries are plain data; this is their on-disk form for the extraction
// cache and for debugging (brisk-check can dump them). Reading validates
// every field and fails with the name of the document and what is wrong.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_SUMMARYIO_H
#define BRISK_ANALYZER_EXTRACT_SUMMARYIO_H

#include "model/Summary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// Serialises S as compact JSON; equal summaries give identical text.
std::string summaryToJSON(const TUSummary &S);

/// Parses what summaryToJSON wrote; Name is used in errors.
llvm::Expected<TUSummary> summaryFromJSON(llvm::StringRef Text,
                                          llvm::StringRef Name);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_SUMMARYIO_H
