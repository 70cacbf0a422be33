//===- SummaryCache.h - Reuse summaries of unchanged translation units ----===//
//
// A TU's summary depends on brisk itself, its command line, the catalogue,
// and every file it included. The cache keys an entry on the first three
// (brisk by a hash of its executable, so a rebuilt analyzer never reads
// summaries an older one wrote) plus the main file's path, and stores a stamp
// of every file the TU read so that a lookup can tell whether any of them
// changed: the content hash of the main file and user headers, the size and
// modification time of system headers (a toolchain or an installed SDK, many
// and large, rarely edited in place). TUs with errors are never cached, so
// their diagnostics are printed on every run.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H
#define BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H

#include "catalog/Catalogs.h"
#include "extract/TUExtractor.h"
#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace brisk {

class SummaryCache {
public:
  /// Dir is created on first store. The catalogues are part of every key.
  SummaryCache(std::string Dir, const Catalogs &Data);

  /// The entry for the TU, if every file it read is unchanged; UserFiles,
  /// when given, receives the non-system files among them.
  std::optional<TUSummary>
  lookup(llvm::StringRef Directory, llvm::ArrayRef<std::string> CommandLine,
         llvm::StringRef File,
         std::vector<std::string> *UserFiles = nullptr) const;

  /// Stores S, which was extracted after reading Deps. Failures to write are
  /// ignored: the cache only saves time.
  void store(llvm::StringRef Directory, llvm::ArrayRef<std::string> CommandLine,
             llvm::StringRef File, const TUSummary &S,
             llvm::ArrayRef<FileRead> Deps) const;

private:
  std::string entryPath(llvm::StringRef Directory,
                        llvm::ArrayRef<std::string> CommandLine,
                        llvm::StringRef File) const;

  std::string Dir;
  std::string Salt;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H
