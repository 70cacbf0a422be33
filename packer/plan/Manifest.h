//===- Manifest.h - manifest.json, the machine-readable result of a run ---===//

#ifndef BRISK_PACKER_PLAN_MANIFEST_H
#define BRISK_PACKER_PLAN_MANIFEST_H

#include "plan/PackRun.h"

#include <string>
#include <vector>

namespace brisk {

/// manifest.json as design.md section 3 fixes it, keys in that order,
/// functions in the order given (PackRun sorts them by name), ending with a
/// newline.
std::string renderManifest(const std::vector<PackedFunction> &Functions);

} // namespace brisk

#endif
