//===- LayerShadowing.h - Files a function finds twice on its search path -===//
//
// Lambda extracts a function's layers into /opt in order, a later layer's
// file overwriting an earlier one's, and every runtime searches the
// function's own /var/task before /opt (Python's sys.path, Node.js's upward
// look-up, the native bootstrap's lib/ before /opt/lib). A function that
// attaches a layer for some of its units can so receive another unit it
// also ships itself, in another version: its own copy wins, the layer's is
// dead weight, and the user should know which copy runs. The planner keeps
// two units at one layer path from reaching one function; this check
// covers every layer as assembled, whatever planned it.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_LAYERSHADOWING_H
#define BRISK_PACKER_PLAN_LAYERSHADOWING_H

#include "plan/LayerAssembly.h"

#include <string>
#include <vector>

namespace brisk {

/// One message per function and shadowed unit, naming what shadows it
/// (the function's own file or a later layer's unit), the first path and
/// how many files. \p Plans and \p Layers as assembleLayers() left them;
/// \p Problem holds the units by id.
std::vector<std::string> findShadowing(const std::vector<FunctionPlan> &Plans,
                                       const std::vector<LayerOutput> &Layers,
                                       const LayerProblem &Problem);

} // namespace brisk

#endif
