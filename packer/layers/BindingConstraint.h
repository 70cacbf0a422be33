//===- BindingConstraint.h - Why a plan does not reach the lower bound ----===//

#ifndef BRISK_PACKER_LAYERS_BINDINGCONSTRAINT_H
#define BRISK_PACKER_LAYERS_BINDINGCONSTRAINT_H

#include "layers/PlanSearch.h"

namespace brisk {

/// When \p Plan keeps shareable units in functions, fills Plan.Binding with
/// what stops storing each of them once, and Plan.Instead with what the
/// plan did: the layout with every group in a layer of its own (no function
/// attaches what it does not use) shows which functions would need too many
/// layers, which zips would be too large, which paths clash; the same with
/// the groups merged until they fit the layer counts shows which functions
/// then pass the unzipped limit.
void explainBinding(const PlanEvaluator &Eval,
                    const std::vector<UnitGroup> &Groups,
                    const Placement &Start, int FirstBlock, LayerPlan &Plan);

} // namespace brisk

#endif
