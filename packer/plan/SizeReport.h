//===- SizeReport.h - The plain-text size summary brisk-pack prints -------===//

#ifndef BRISK_PACKER_PLAN_SIZEREPORT_H
#define BRISK_PACKER_PLAN_SIZEREPORT_H

#include "managed/ManagedSummary.h"
#include "plan/PackRun.h"

#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace brisk {

/// The \p Count largest files of \p Plan (folders are not files), largest
/// first, ties by path.
std::vector<const PlannedFile *> largestFiles(const FunctionPlan &Plan,
                                              size_t Count);

/// Writes "<bytes>  <path>" lines for the largest files, indented.
void printLargestFiles(const FunctionPlan &Plan, size_t Count,
                       llvm::raw_ostream &OS);

/// Per function: input size, after strip, zip size, what each step saved,
/// for Python and Node.js what their packages are and what pruning removed
/// (listed as \p Detail asks), CodeSha256 and the largest files; then
/// totals.
void printSizeReport(const std::vector<PackedFunction> &Functions,
                     const ManagedDetail &Detail, llvm::raw_ostream &OS);

} // namespace brisk

#endif
