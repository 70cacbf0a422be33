//===- SummaryCache.h - Reuse summaries of unchanged translation units ----===//
//
// A TU's summary depends on brisk itself, its command line, the catalogue,
// and every file it included. The cache keys an entry on the first three
// (brisk by a hash of its executable, so a rebuilt analyzer never reads
// summaries an older one wrote) plus the main file's path, and stores a stamp
// of every file the TU read so that a lookup can tell whether any of them
// changed: the content hash of the main file and user headers, the size and
// modification time of system headers (a toolchain or an installed SDK, many
// and large, rarely edited in place).
//
// An entry is one zstd frame with a checksum, written to a temporary file
// and renamed into place, so concurrent runs and killed runs leave either a
// whole entry or none; anything that does not decompress, parse and validate
// is a miss, and the TU is extracted again and its entry rewritten.
//
// TUs with compile errors are stored with their diagnostics but reused only
// by a link-only run (CI shards): an ordinary run parses them again, since
// the fix (an installed SDK, a new header) may be a file they never read.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CACHE_SUMMARYCACHE_H
#define BRISK_ANALYZER_CACHE_SUMMARYCACHE_H

#include "catalog/Catalogs.h"
#include "extract/TUExtractor.h"
#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// What a run needs of a TU it does not parse again.
struct CachedTU {
  TUSummary Summary;
  std::string Diagnostics; // clang's error lines, replayed as they were
  /// The non-system files the TU read (its main file among them): how files
  /// mode maps a named header to the TUs that include it without parsing.
  std::vector<std::string> UserFiles;
};

class SummaryCache {
public:
  /// Entries are stored in Dirs.front() (created on first store) and looked
  /// up in each of Dirs in order. The catalogues are part of every key.
  SummaryCache(std::vector<std::string> Dirs, const Catalogs &Data);

  /// The current entry of the TU, if any; one of a TU with compile errors
  /// only when AcceptErrors.
  std::optional<CachedTU> lookup(llvm::StringRef Directory,
                                 llvm::ArrayRef<std::string> CommandLine,
                                 llvm::StringRef File, bool AcceptErrors) const;

  /// Stores S, which was extracted after reading Deps and printed
  /// Diagnostics. Failures to write are ignored: the cache only saves time.
  void store(llvm::StringRef Directory, llvm::ArrayRef<std::string> CommandLine,
             llvm::StringRef File, const TUSummary &S,
             llvm::StringRef Diagnostics, llvm::ArrayRef<FileRead> Deps) const;

  /// Dir and its immediate subfolders: where a link-only run looks for the
  /// caches of shards downloaded side by side.
  static std::vector<std::string> withSubfolders(llvm::StringRef Dir);

  /// The file extension of entries.
  static constexpr llvm::StringLiteral EntrySuffix = ".bsum";

private:
  std::string entryName(llvm::StringRef Directory,
                        llvm::ArrayRef<std::string> CommandLine,
                        llvm::StringRef File) const;
  /// How a file is recognised as unchanged, computed once per file and
  /// cache (TUs of one run share most headers).
  std::optional<std::string> stamp(llvm::StringRef Path, bool System) const;

  std::vector<std::string> Dirs;
  std::string Salt;
  mutable std::mutex StampsLock;
  mutable llvm::StringMap<std::optional<std::string>> Stamps;
};

} // namespace brisk

#endif // BRISK_ANALYZER_CACHE_SUMMARYCACHE_H
