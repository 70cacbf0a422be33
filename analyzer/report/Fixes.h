//===- Fixes.h - Applying and exporting fix-its ---------------------------===//
//
// Findings may carry safe edits (FixIt). --export-fixes writes them as
// clang-tidy does, a clang::tooling::TranslationUnitDiagnostics YAML
// document that clang-apply-replacements applies; --fix applies them to the
// files in place, each file rewritten through a temporary and a rename.
// Edits are deduplicated (a header reached from several TUs) and must not
// overlap.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_FIXES_H
#define BRISK_ANALYZER_REPORT_FIXES_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace brisk {

/// Writes the findings that have fix-its as clang-tidy's export-fixes YAML.
/// BuildDirectory is recorded as each diagnostic's build directory.
llvm::Error exportFixes(llvm::ArrayRef<Finding> Findings,
                        llvm::StringRef BuildDirectory, SourceFiles &Sources,
                        llvm::raw_ostream &OS);

/// Applies every fix-it to its file; returns how many files changed.
llvm::Expected<unsigned> applyFixes(llvm::ArrayRef<Finding> Findings,
                                    SourceFiles &Sources);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_FIXES_H
