//===- LayerPlan.h - What the layer planner decided -----------------------===//

#ifndef BRISK_PACKER_LAYERS_LAYERPLAN_H
#define BRISK_PACKER_LAYERS_LAYERPLAN_H

#include "layers/ShareableUnit.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

enum class PlanMethod {
  /// Nothing to share: no unit is used by --min-share functions.
  Nothing,
  /// Every assignment of groups to layers was considered.
  Exact,
  /// Groups were placed one at a time, largest saving first.
  Greedy
};

llvm::StringRef planMethodName(PlanMethod Method);

struct PlannedLayer {
  /// Indices into LayerProblem::Units, sorted.
  std::vector<size_t> Units;
  /// Functions that attach it, sorted.
  std::vector<size_t> Users;
  uint64_t UnzippedBytes = 0;
  uint64_t ZipBytes = 0;
  /// The --reuse-layers layer it keeps, or empty.
  std::string KeptName;
};

struct LayerPlan {
  std::vector<PlannedLayer> Layers;
  /// Per unit: the index of its layer, or -1 when its functions hold it.
  std::vector<int> UnitLayer;
  /// Per function: its layers, in the order Lambda extracts them.
  std::vector<std::vector<size_t>> FunctionLayers;
  PlanMethod Method = PlanMethod::Nothing;
  /// Distinct sets of functions sharing units.
  size_t Groups = 0;
  /// Estimated bytes stored (all function and layer zips), and the same
  /// when every unit --min-share functions use is stored once.
  uint64_t StoredBytes = 0;
  uint64_t LowerBound = 0;
  /// Why the bound is out of reach ("'orders' would need 6 layers, at most
  /// 5"), and what the plan did instead; empty when it is reached.
  std::vector<std::string> Binding;
  std::vector<std::string> Instead;
  /// --reuse-layers layers that could not be kept, with why.
  std::vector<std::string> NotKept;
};

} // namespace brisk

#endif
