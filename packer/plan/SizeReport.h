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
/// its layers, for Python and Node.js what their packages are and what
/// pruning removed (listed as \p Detail asks), CodeSha256 and the largest
/// files; per layer: its units and users; the layer plan against the lower
/// bound, the budget ledger, and totals.
void printSizeReport(const PackResult &Result, const ManagedDetail &Detail,
                     llvm::raw_ostream &OS);

/// "1.02x": \p Plan against \p Bound, two decimals.
std::string ratioText(uint64_t Plan, uint64_t Bound);

} // namespace brisk

#endif
