//===- CompileErrors.h - What a run says about TUs that did not compile ---===//
//
// clang-tidy's policy: compile errors in a TU the user asked about are shown
// and fail the run; errors elsewhere in the program are summarised in one
// line, since they only make the linked program less complete. A run that
// found no handler says why, because its silence would mean nothing was
// checked.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_COMPILEERRORS_H
#define BRISK_ANALYZER_DRIVER_COMPILEERRORS_H

#include "driver/FilesMode.h"
#include "extract/Extractor.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

/// Prints the errors of the reported TUs and the summary lines (Quiet: the
/// errors only). Returns how many reported TUs had errors.
unsigned reportCompileErrors(const ExtractResult &Extracted,
                             const FileSelection &Selection, bool Quiet,
                             llvm::raw_ostream &Err);

/// What to say when the program has no handler: how many TUs had compile
/// errors and the first error, the likely cause.
std::string explainNoHandler(const ExtractResult &Extracted);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_COMPILEERRORS_H
