//===- SummaryCache.h - Reuse summaries of unchanged translation units ----===//
//
// A TU's summary depends on its command line, the catalogue, and the contents
// of the main file and every non-system header it included. The cache keys an
// entry on the first two plus the main file's path, and stores the content
// hashes of the files the TU read so that a lookup can tell whether any of
// them changed. System headers are not hashed: they change with the
// toolchain, not with the code under analysis. TUs with errors are never
// cached, so their diagnostics are printed on every run.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H
#define BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H

#include "catalog/InitCatalog.h"
#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace brisk {

class SummaryCache {
public:
  /// Dir is created on first store. The catalogue is part of every key.
  SummaryCache(std::string Dir, const InitCatalog *Catalog);

  std::optional<TUSummary> lookup(llvm::StringRef Directory,
                                  llvm::ArrayRef<std::string> CommandLine,
                                  llvm::StringRef File) const;

  /// Stores S, which was extracted after reading Deps (absolute paths).
  /// Failures to write are ignored: the cache only saves time.
  void store(llvm::StringRef Directory, llvm::ArrayRef<std::string> CommandLine,
             llvm::StringRef File, const TUSummary &S,
             llvm::ArrayRef<std::string> Deps) const;

private:
  std::string entryPath(llvm::StringRef Directory,
                        llvm::ArrayRef<std::string> CommandLine,
                        llvm::StringRef File) const;

  std::string Dir;
  std::string Salt;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_SUMMARYCACHE_H
