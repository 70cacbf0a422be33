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

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace brisk {

/// Streams a regular file's bytes to the writer, a chunk at a time.
using ZipContents = std::function<llvm::Error(
    llvm::function_ref<llvm::Error(llvm::StringRef)> Consume)>;

struct ZipEntry {
  /// Relative, '/'-separated path inside the zip, without a trailing '/'.
  std::string Path;
  /// A folder (kept even when empty); folders holding entries are added
  /// anyway.
  bool Folder = false;
  /// Any exec bit makes a file 0755; otherwise 0644.
  bool Executable = false;
  /// Non-empty for a symlink, stored as a link.
  std::string LinkTarget;
  /// A regular file's size, and its bytes when the writer reaches it: no
  /// file is ever held in memory whole.
  uint64_t Size = 0;
  ZipContents Contents;
};

/// The DOS epoch: 1980-01-01 00:00:00 UTC.
constexpr int64_t ZipFixedTime = 315532800;

/// What was written, measured on the way out so that nobody reads the zip
/// back to learn it.
struct ZipDigest {
  uint64_t Bytes = 0;
  std::array<uint8_t, 32> Sha256 = {};
  /// Per file and symlink entry: its local header, data and data
  /// descriptor (the central directory is not counted).
  std::map<std::string, uint64_t> EntryBytes;
};

/// Writes \p Entries as a zip to the open file descriptor \p FD.
/// \p CompressionLevel is 0 (store) to 9; deflate otherwise.
llvm::Expected<ZipDigest> writeZip(std::vector<ZipEntry> Entries, int FD,
                                   unsigned CompressionLevel);

/// \p Entries as a zip holds them: with their parent folders, sorted by
/// path; two at one path are an error.
llvm::Expected<std::vector<ZipEntry>>
prepareZipEntries(std::vector<ZipEntry> Entries);

/// writeZip() for entries prepareZipEntries() returned (or a run of them).
llvm::Expected<ZipDigest> writePreparedZip(llvm::ArrayRef<ZipEntry> Entries,
                                           int FD, unsigned CompressionLevel);

/// Normalised permission bits for a regular file.
inline uint32_t normalisedFileMode(bool Executable) {
  return Executable ? 0755 : 0644;
}

} // namespace brisk

#endif
