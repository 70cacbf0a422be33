//===- ManagedSummary.h - The summary lines of a managed function ---------===//

#ifndef BRISK_PACKER_MANAGED_MANAGEDSUMMARY_H
#define BRISK_PACKER_MANAGED_MANAGEDSUMMARY_H

#include "plan/FunctionPlan.h"

#include "llvm/Support/raw_ostream.h"

namespace brisk {

/// The size summary's lines for a Python or Node.js function: its packages
/// (those that must stay in the function, and why), what pruning removed
/// per rule (and every file with \p ListPruned), the runtime's own copies
/// and the bytecode added. Nothing for other functions.
void printManagedSummary(const FunctionPlan &Plan, bool ListPruned,
                         llvm::raw_ostream &OS);

} // namespace brisk

#endif
