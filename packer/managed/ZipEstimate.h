//===- ZipEstimate.h - How many bytes a file will take in a zip -----------===//
//
// The layer planner weighs units by what they cost zipped before any zip is
// written. A file's estimate is its first 256 KiB deflated at zip's level 6
// (all of it when smaller), scaled to its size, plus the zip entry's headers:
// exact for small files, close for large ones, and bounded in memory and
// time whatever the file.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_ZIPESTIMATE_H
#define BRISK_PACKER_MANAGED_ZIPESTIMATE_H

#include "plan/FunctionPlan.h"

#include <cstdint>

namespace brisk {

/// Zipped bytes of \p F (a file, link or folder), headers included.
llvm::Expected<uint64_t> estimateZippedBytes(const PlannedFile &F);

} // namespace brisk

#endif
