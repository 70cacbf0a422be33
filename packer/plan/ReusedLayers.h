//===- ReusedLayers.h - The layers of a previous run (--reuse-layers) -----===//

#ifndef BRISK_PACKER_PLAN_REUSEDLAYERS_H
#define BRISK_PACKER_PLAN_REUSEDLAYERS_H

#include "layers/ShareableUnit.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct OldLayer {
  std::string Name;
  std::vector<std::string> UnitIds;
  std::vector<std::string> UnitNames;
};

/// The layers a brisk-pack manifest.json lists, with the units each holds
/// ("units" of each layer). A file that is not such a manifest is an error
/// naming it and what is wrong.
llvm::Expected<std::vector<OldLayer>>
readReusedLayers(llvm::StringRef ManifestPath);

/// The old layers whose units all are in \p Problem, as layers to keep, in
/// name order; the others, with why, in \p Gone.
std::vector<KeptLayer> keptLayersFor(const std::vector<OldLayer> &Old,
                                     const LayerProblem &Problem,
                                     std::vector<std::string> &Gone);

} // namespace brisk

#endif
