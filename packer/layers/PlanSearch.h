//===- PlanSearch.h - The searches the layer planner runs -----------------===//
//
// Units used by the same set of functions are interchangeable to the plan,
// so the searches place groups of them: the exact search tries every way to
// put each group in a layer of its own, in a layer with other groups, or
// nowhere (kept in the functions), pruning what cannot beat the best so
// far; the greedy places the groups one at a time, largest saving first,
// where the evaluator says it costs least. A pass over single units then
// places what a whole group could not.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_LAYERS_PLANSEARCH_H
#define BRISK_PACKER_LAYERS_PLANSEARCH_H

#include "layers/PlanEvaluator.h"

#include <optional>

namespace brisk {

struct UnitGroup {
  /// Indices into the problem's units, sorted.
  std::vector<size_t> Units;
  std::vector<size_t> Users;
  uint64_t UnzippedBytes = 0;
  /// Bytes saved by storing the group once instead of in every user.
  uint64_t Saving = 0;
};

/// The shareable units \p Start leaves in the functions, grouped by their
/// users, largest saving first (ties by the first unit's id).
std::vector<UnitGroup> groupUnits(const PlanEvaluator &Eval,
                                  const Placement &Start);

/// The cheapest feasible placement of \p Groups on top of \p Start (whose
/// blocks are below \p FirstBlock), or none when the search gave up after
/// \p NodeLimit steps.
std::optional<Placement> searchExact(const PlanEvaluator &Eval,
                                     const std::vector<UnitGroup> &Groups,
                                     const Placement &Start, int FirstBlock,
                                     size_t NodeLimit);

/// Places \p Groups one at a time on top of \p Start. \p MustPlace: every
/// group goes to some layer even when nothing fits (to see what breaks).
Placement searchGreedy(const PlanEvaluator &Eval,
                       const std::vector<UnitGroup> &Groups, Placement Start,
                       int FirstBlock, bool MustPlace = false);

/// Moves single units still in the functions into a layer (not one of the
/// blocks below \p FirstBlock) where that is feasible and cheaper.
Placement refineUnits(const PlanEvaluator &Eval, Placement Where,
                      int FirstBlock);

/// The first block number \p Where does not use.
int nextBlock(const Placement &Where);

} // namespace brisk

#endif
