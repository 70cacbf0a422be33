//===- Baseline.h - Report only findings that are new ---------------------===//
//
// A team adopting brisk-check on an old code base records today's findings
// (--write-baseline) and from then on sees only new ones (--baseline). A
// finding is known by its rule, its file relative to the source root and
// its line fingerprint, counted: a second copy of a known line is new, and
// a finding that moved lines is still the same finding.
//
// The file is JSON: {"version": 1, "findings": [{"rule", "file",
// "fingerprint", "message"}]}, sorted; "message" is for readers only.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_BASELINE_H
#define BRISK_ANALYZER_REPORT_BASELINE_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace brisk {

/// Writes Findings to Path (atomically).
llvm::Error writeBaseline(llvm::ArrayRef<Finding> Findings,
                          llvm::StringRef SourceRoot, SourceFiles &Sources,
                          llvm::StringRef Path);

/// Removes from Findings those the baseline at Path records; returns how
/// many it removed. A missing or malformed file is an error naming it.
llvm::Expected<unsigned> applyBaseline(std::vector<Finding> &Findings,
                                       llvm::StringRef SourceRoot,
                                       SourceFiles &Sources,
                                       llvm::StringRef Path);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_BASELINE_H
