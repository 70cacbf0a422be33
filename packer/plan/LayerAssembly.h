//===- LayerAssembly.h - Layers made from the planner's decision ----------===//
//
// Moves the files of every unit the plan put in a layer out of the function
// plans and into that layer (at their layer paths), names each layer
// <prefix>-<12 hex digits of the hash of its units' ids> so that the same
// contents always get the same name (and, zipped the same way, the same
// bytes and CodeSha256), and points what moved at where it now is: a
// program whose loader went to a layer names /opt/lib/ld.so, and its
// bootstrap searches /opt/lib (and finds gconv there when those moved).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_LAYERASSEMBLY_H
#define BRISK_PACKER_PLAN_LAYERASSEMBLY_H

#include "layers/LayerPlan.h"
#include "plan/FunctionPlan.h"

namespace brisk {

/// One function's files of a unit: indices into its plan's Files, in the
/// order of the unit's Files.
struct UnitMembers {
  size_t Plan = 0;
  std::vector<size_t> Files;
};

/// What a producer of units hands to the planner and to assembleLayers():
/// the problem (functions in the order of the plans, units sorted by id)
/// and, per unit, where its files are in each plan that uses it.
struct CollectedUnits {
  LayerProblem Problem;
  std::vector<std::vector<UnitMembers>> Members;
};

struct LayerOutput {
  std::string Name;
  /// Relative to OUT_DIR: layers/<name>.zip.
  std::string ZipPath;
  /// At their layer paths, sorted.
  std::vector<PlannedFile> Files;
  /// Names of the functions attaching it, sorted.
  std::vector<std::string> UsedBy;
  /// Its units, by id (sorted) and by name.
  std::vector<std::string> UnitIds;
  std::vector<std::string> UnitNames;
  /// The --reuse-layers layer it is, or empty for a new one.
  std::string KeptName;
  /// Set once written.
  std::string CodeSha256;
  uint64_t ZipBytes = 0;

  uint64_t unzippedBytes() const;
};

/// The name of a layer holding the units \p UnitIds, zipped at \p Level.
std::string layerName(llvm::StringRef Prefix, std::vector<std::string> UnitIds,
                      unsigned Level);

/// Applies \p Plan to \p Plans as above; the layers come back sorted by name
/// and each plan's Layers name its own, in that order.
std::vector<LayerOutput> assembleLayers(std::vector<FunctionPlan> &Plans,
                                        const CollectedUnits &Units,
                                        const LayerPlan &Plan,
                                        llvm::StringRef Prefix, unsigned Level);

} // namespace brisk

#endif
