//===- PlanEvaluator.h - What a placement of units costs, and if it fits --===//
//
// A placement says, per unit, which block it goes to (-1: it stays in the
// functions that use it). Each block becomes one layer, or, when its zip
// would pass the direct upload limit, several, filled first-fit in
// decreasing size. The evaluator checks Lambda's limits for every function
// (layers attached, unzipped bytes with its layers), and the planner's own
// rules (dependencies in layers too, no two units at one layer path for a
// function, no refused path), and prices it: bytes stored in all zips, and
// each function's download. Both searches (exact and greedy) and the
// explanation of a binding constraint use it.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_LAYERS_PLANEVALUATOR_H
#define BRISK_PACKER_LAYERS_PLANEVALUATOR_H

#include "layers/LayerPlan.h"

#include <string>
#include <vector>

namespace brisk {

/// A placement: per unit, its block or -1.
using Placement = std::vector<int>;

/// Estimated bytes a layer zip adds beside its entries (the end of central
/// directory record and the folder entries).
inline constexpr uint64_t LayerZipOverhead = 128;

struct Evaluation {
  bool Feasible = true;
  /// What breaks a limit or a rule, for people, in a fixed order.
  std::vector<std::string> Violations;
  /// Functions over --max-layers (counted with Explain).
  unsigned OverLayers = 0;
  uint64_t Stored = 0;
  /// Stored without the layers' own container bytes: what the plan is
  /// judged by, so that a hundred bytes of zip directory never outweigh a
  /// function downloading a layer it does not use.
  uint64_t Content = 0;
  /// Each function's download (its zip and its layers, their container
  /// bytes aside, as in Content), largest first.
  std::vector<uint64_t> Downloads;
  /// Bytes of layers that functions attach but do not use.
  uint64_t Waste = 0;
  std::vector<PlannedLayer> Layers;
  std::vector<std::vector<size_t>> FunctionLayers;
  /// Per function: unzipped bytes with its layers.
  std::vector<uint64_t> Totals;
};

class PlanEvaluator {
public:
  explicit PlanEvaluator(const LayerProblem &Problem);

  /// Prices \p Where and checks it. With \p Explain, Violations say what
  /// breaks; otherwise the first violation stops the check.
  Evaluation evaluate(const Placement &Where, bool Explain = false) const;

  /// A costs less than B: fewer bytes stored (Content), then the smaller
  /// largest download (then the next largest, ...), then less waste, then
  /// fewer layers.
  static bool cheaper(const Evaluation &A, const Evaluation &B);

  /// Whether unit \p U may go to a layer at all.
  bool shareable(size_t U) const { return Shareable[U]; }
  /// Bytes stored if every shareable unit were stored once.
  uint64_t lowerBound() const { return Bound; }
  /// What keeping unit \p U in its functions costs over storing it once.
  uint64_t saving(size_t U) const;
  /// Function \p F's unzipped bytes with every unit it uses in its zip.
  uint64_t aloneBytes(size_t F) const { return Alone[F]; }

  const LayerProblem &problem() const { return Problem; }

private:
  const LayerProblem &Problem;
  std::vector<bool> Shareable;
  /// Per unit: the units that put a file at one of its layer paths, and the
  /// functions that refuse one of its layer paths.
  std::vector<std::vector<size_t>> ConflictsWith;
  std::vector<std::vector<size_t>> RefusedBy;
  std::vector<uint64_t> Alone;
  uint64_t Bound = 0;
};

} // namespace brisk

#endif
