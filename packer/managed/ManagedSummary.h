//===- ManagedSummary.h - The summary lines of a managed function ---------===//

#ifndef BRISK_PACKER_MANAGED_MANAGEDSUMMARY_H
#define BRISK_PACKER_MANAGED_MANAGEDSUMMARY_H

#include "plan/FunctionPlan.h"

#include "llvm/Support/raw_ostream.h"

namespace brisk {

/// What the summary lists beyond totals.
struct ManagedDetail {
  /// Every file --prune removed.
  bool ListPruned = false;
  /// Every package, with its entries and dependencies.
  bool ListPackages = false;
};

/// The size summary's lines for a Python or Node.js function: its packages
/// (those that must stay in the function, and why), what pruning removed
/// per rule, the runtime's own copies and the bytecode added, with what
/// \p Detail asks for. Nothing for other functions.
void printManagedSummary(const FunctionPlan &Plan, const ManagedDetail &Detail,
                         llvm::raw_ostream &OS);

} // namespace brisk

#endif
