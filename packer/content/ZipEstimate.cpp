//===- ZipEstimate.cpp - How many bytes a file will take in a zip ---------===//

#include "content/ZipEstimate.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"

#include <algorithm>

using namespace llvm;

namespace brisk {

static constexpr uint64_t SampleEvery = 1 << 20;
static constexpr uint64_t SampleBytes = 64 << 10;

void ZipEstimate::update(StringRef Bytes) {
  while (!Bytes.empty()) {
    uint64_t InPeriod = Total % SampleEvery;
    uint64_t Take = std::min<uint64_t>(Bytes.size(), SampleEvery - InPeriod);
    if (InPeriod < SampleBytes && Level > 0 &&
        compression::zlib::isAvailable()) {
      uint64_t Sample = std::min<uint64_t>(Take, SampleBytes - InPeriod);
      SmallVector<uint8_t, 0> Out;
      compression::zlib::compress(
          arrayRefFromStringRef(Bytes.take_front(Sample)), Out, Level);
      // zlib's 2-byte header and 4-byte checksum are not in a zip entry.
      Sampled += Sample;
      SampledDeflated += Out.size() > 6 ? Out.size() - 6 : Out.size();
    }
    Total += Take;
    Bytes = Bytes.drop_front(Take);
  }
}

uint64_t ZipEstimate::bytes() const {
  if (Level == 0 || Sampled == 0)
    return Total;
  // Deflate never stores more than the bytes plus a few per block.
  double Ratio = std::min(1.0, double(SampledDeflated) / double(Sampled));
  return uint64_t(Ratio * double(Total)) + 5;
}

uint64_t zipEntryOverhead(size_t PathLength) {
  // Local header 30, central record 46, the name in both, data descriptor
  // 16, and the extended-timestamp and unix extra fields libarchive adds.
  return 30 + 46 + 16 + 2 * PathLength + 2 * 24;
}

} // namespace brisk
