//===- LayerPlanner.h - Which shared units go into which layers -----------===//
//
// Given the functions of a run and the units they use (ShareableUnit.h),
// chooses layers such that every function attaches at most --max-layers,
// every function with its layers stays within Lambda's unzipped limit, every
// layer zip within the direct upload limit (unless S3 upload is allowed),
// and units used by fewer than --min-share functions stay in them;
// minimising the bytes stored in all zips, then the largest download of a
// function. Exact for up to LayerLimits::ExactGroupsMax groups, greedy
// above; the plan says which, and how it compares with the lower bound.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_LAYERS_LAYERPLANNER_H
#define BRISK_PACKER_LAYERS_LAYERPLANNER_H

#include "layers/LayerPlan.h"

namespace brisk {

/// Steps the exact search may take before it gives way to the greedy.
inline constexpr size_t ExactSearchNodeLimit = 2000000;

/// Plans \p Problem. Every function must fit alone (all its units in its own
/// zip): the caller reports one that does not.
LayerPlan planLayers(const LayerProblem &Problem);

} // namespace brisk

#endif
