//===- ZipMerge.h - One zip from zips of consecutive runs of its entries --===//
//
// libarchive deflates a zip's entries one after another. To deflate a large
// zip's files on several threads at once, its sorted entries are cut into
// runs of about ZipPartBytes each (the cut depends on the entries alone,
// never on the thread count), each run is written as a zip of its own, and
// the parts are joined: every part's entries as they are, then one central
// directory of all their records, each pointed at its entry's new offset.
// An entry's bytes and its directory record do not depend on what comes
// before it, so the joined zip is byte for byte the zip libarchive writes
// of all the entries in one go.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ARCHIVE_ZIPMERGE_H
#define BRISK_PACKER_ARCHIVE_ZIPMERGE_H

#include "archive/ZipWriter.h"

namespace brisk {

/// Uncompressed bytes in one part, about.
inline constexpr uint64_t ZipPartBytes = 8 << 20;

/// Cuts prepared entries into runs of at least ZipPartBytes (the last may
/// hold less); one run when they are fewer bytes than two parts.
std::vector<std::vector<ZipEntry>>
splitZipEntries(std::vector<ZipEntry> Entries);

/// A written part: the file holding it and what writing it measured.
struct ZipPart {
  std::string Path;
  ZipDigest Digest;
};

/// Writes to \p FD the zip joined from \p Parts, in order.
llvm::Expected<ZipDigest> mergeZipParts(llvm::ArrayRef<ZipPart> Parts, int FD);

} // namespace brisk

#endif
