//===- UnitCollection.h - The run's shareable units, from every producer --===//
//
// Each function's producer describes its units alone: plan/NativeUnits.h
// for native functions (bundled libraries, the loader, gconv, includes),
// managed/ManagedUnits.h for Python and Node.js (installed packages). The
// collection merges them across the run's functions by id (identical files
// at identical layer paths are one unit, whichever function they came
// from), turns each function's dependencies between its own units into
// dependencies between the run's units, and makes the planner's problem.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_UNITCOLLECTION_H
#define BRISK_PACKER_PLAN_UNITCOLLECTION_H

#include "plan/LayerAssembly.h"

namespace brisk {

/// One function's unit as its producer describes it: Users is empty and
/// Dependencies index the same function's units.
struct FunctionUnit {
  ShareableUnit Unit;
  /// Indices into the plan's Files, in the order of Unit.Files.
  std::vector<size_t> Files;
  /// Part of the bundled C library: functions on the image's libc refuse
  /// its layer paths.
  bool CLibrary = false;
};

/// The units of \p Plans, whose content step has run (sizes and hashes are
/// known), for the layer planner and assembleLayers().
CollectedUnits collectUnits(const std::vector<FunctionPlan> &Plans,
                            const LayerLimits &Limits);

} // namespace brisk

#endif
