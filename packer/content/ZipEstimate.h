//===- ZipEstimate.h - How many bytes a file will take in a zip -----------===//
//
// The layer planner weighs where each file goes by what it costs to store,
// before any zip is written. Deflating every file to learn that would double
// the run's work, so the file is sampled as it is read for hashing: the first
// 64 KiB of every MiB is deflated at the run's level, and the ratio is
// applied to the whole. Real zips are measured afterwards; the estimate only
// steers the plan.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_CONTENT_ZIPESTIMATE_H
#define BRISK_PACKER_CONTENT_ZIPESTIMATE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace brisk {

/// Accumulates samples of one file's bytes, fed in order.
class ZipEstimate {
public:
  explicit ZipEstimate(unsigned CompressionLevel) : Level(CompressionLevel) {}

  /// Feeds the next \p Bytes of the file.
  void update(llvm::StringRef Bytes);
  /// The estimated deflated size of everything fed.
  uint64_t bytes() const;

private:
  unsigned Level;
  uint64_t Total = 0;
  uint64_t Sampled = 0;
  uint64_t SampledDeflated = 0;
};

/// A zip entry's bytes beside its data: local header, data descriptor and
/// central directory record, for a name of \p PathLength bytes.
uint64_t zipEntryOverhead(size_t PathLength);

} // namespace brisk

#endif
