//===- ZipEstimate.cpp - How many bytes a file will take in a zip ---------===//

#include "managed/ZipEstimate.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"

using namespace llvm;

namespace brisk {

// Local header (30) and central directory entry (46), each with the name,
// plus the data descriptor (16) libarchive writes after each entry.
static uint64_t headerBytes(const PlannedFile &F) {
  return 30 + 46 + 16 + 2 * F.ZipPath.size() + (F.isFolder() ? 2 : 0);
}

Expected<uint64_t> estimateZippedBytes(const PlannedFile &F) {
  if (F.isFolder())
    return headerBytes(F);
  if (F.isSymlink())
    return headerBytes(F) + F.LinkTarget.size();
  constexpr uint64_t SampleMax = 256 << 10;
  std::string Sample;
  if (F.Generated) {
    Sample = F.Generated->substr(0, SampleMax);
  } else {
    Expected<std::string> Head = peekSource(F.Source, SampleMax);
    if (!Head)
      return Head.takeError();
    Sample = std::move(*Head);
  }
  if (Sample.empty())
    return headerBytes(F);
  SmallVector<uint8_t, 0> Deflated;
  compression::zlib::compress(arrayRefFromStringRef(Sample), Deflated, 6);
  // zlib's own header and checksum (6 bytes) are not in a zip entry; never
  // more than stored.
  uint64_t SampleZipped = std::min<uint64_t>(
      Deflated.size() > 6 ? Deflated.size() - 6 : 0, Sample.size());
  uint64_t Zipped = F.Bytes <= Sample.size()
                        ? SampleZipped
                        : SampleZipped * F.Bytes / Sample.size();
  return headerBytes(F) + Zipped;
}

} // namespace brisk
