//===- NativePlanner.h - What goes into a native function's zip -----------===//

#ifndef BRISK_PACKER_PLAN_NATIVEPLANNER_H
#define BRISK_PACKER_PLAN_NATIVEPLANNER_H

#include "inventory/Inventory.h"
#include "plan/FunctionPlan.h"
#include "plan/PackOptions.h"

namespace brisk {

/// Plans the native executable of \p Inv (its only file) as bin/NAME, its
/// library closure in lib/ and a bootstrap; Plan.Runtime is set.
llvm::Error planNative(const FunctionSpec &Spec, const Inventory &Inv,
                       const PackOptions &Options, FunctionPlan &Plan);

} // namespace brisk

#endif
