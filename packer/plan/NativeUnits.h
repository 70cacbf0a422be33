//===- NativeUnits.h - The shareable units of a native function plan ------===//
//
// The producer of layer units for native functions: each bundled library
// file with its soname links, the loader (with its short name ld.so), the
// gconv modules, and --include'd files. A unit's files go from lib/ in the
// function's zip to the runtime's lib layer folder (rules/runtimes: "lib",
// which Lambda extracts to /opt/lib). Its id is the SHA-256 of its files'
// layer paths, kinds, modes, link targets and contents, so identical bytes
// under the same names are one unit whichever function they came from.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_NATIVEUNITS_H
#define BRISK_PACKER_PLAN_NATIVEUNITS_H

#include "plan/UnitCollection.h"

namespace brisk {

/// The units of \p Plan, whose content step has run (sizes and hashes are
/// known); its lib/ goes to the plan's LibLayerDir in a layer.
std::vector<FunctionUnit> nativeFunctionUnits(const FunctionPlan &Plan);

} // namespace brisk

#endif
