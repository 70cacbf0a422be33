//===- ZipWriter.h - Deterministic zip files through libarchive -----------===//
//
// The same entries give the same bytes, whatever order they come in, the
// process's time zone, umask or the files' mtimes: entries are sorted by path,
// parent folders are added, every timestamp is 1980-01-01 00:00 UTC, modes
// are normalised to 0644/0755 (symlinks 0777), owners are 0.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ARCHIVE_ZIPWRITER_H
#define BRISK_PACKER_ARCHIVE_ZIPWRITER_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace brisk {

struct ZipEntry {
  /// Relative, '/'-separated path inside the zip.
  std::string Path;
  /// Any exec bit makes a file 0755; otherwise 0644.
  bool Executable = false;
  /// Non-empty for a symlink, stored as a link.
  std::string LinkTarget;
  /// Produces the bytes of a regular file when the writer reaches it, so that
  /// only one file's contents need to be in memory at a time.
  std::function<llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>()> Open;
};

/// The DOS epoch: 1980-01-01 00:00:00 UTC.
constexpr int64_t ZipFixedTime = 315532800;

/// What was written, measured on the way out so that nobody reads the zip
/// back to learn it.
struct ZipDigest {
  uint64_t Bytes = 0;
  std::array<uint8_t, 32> Sha256 = {};
};

/// Writes \p Entries as a zip to the open file descriptor \p FD.
/// \p CompressionLevel is 0 (store) to 9; deflate otherwise.
llvm::Expected<ZipDigest> writeZip(std::vector<ZipEntry> Entries, int FD,
                                   unsigned CompressionLevel);

/// Normalised permission bits for a regular file.
inline uint32_t normalisedFileMode(bool Executable) {
  return Executable ? 0755 : 0644;
}

} // namespace brisk

#endif
