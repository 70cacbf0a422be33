//===- Planner.h - Decide what goes into one function's zip ---------------===//

#ifndef BRISK_PACKER_PLAN_PLANNER_H
#define BRISK_PACKER_PLAN_PLANNER_H

#include "inventory/Inventory.h"
#include "plan/FunctionPlan.h"
#include "plan/PackOptions.h"

namespace brisk {

/// Plans \p Spec's zip from its inventory. A native executable becomes
/// bin/<name> plus its bundled library closure in lib/ and a bootstrap; a
/// folder or archive keeps its tree (what its inventory kept) and must not
/// hold secrets the spec does not allow. Errors name what is wrong; the caller
/// prefixes the input.
llvm::Expected<FunctionPlan> planFunction(const FunctionSpec &Spec,
                                          const Inventory &Inv,
                                          const PackOptions &Options);

} // namespace brisk

#endif
