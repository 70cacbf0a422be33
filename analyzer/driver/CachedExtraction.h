//===- CachedExtraction.h - Summaries of a run's TUs, through the cache ---===//
//
// Where the summary cache is (--cache-dir, else beside the database, as
// clangd keeps .cache/clangd), which caches a link-only run reads (each
// --cache-dir and its subfolders: shards downloaded side by side), and the
// progress line as TUs finish.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CACHEDEXTRACTION_H
#define BRISK_ANALYZER_DRIVER_CACHEDEXTRACTION_H

#include "catalog/Catalogs.h"
#include "driver/CheckOptions.h"
#include "extract/Extractor.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace brisk {

/// The folder the run's cache entries are written to.
std::string cacheDir(const CheckOptions &O);

/// Extracts (or takes from the caches) a summary for each of Files; the
/// progress goes to Err when O.ShowProgress.
llvm::Expected<ExtractResult>
extractWithCache(const CheckOptions &O,
                 const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files, const Catalogs &Data,
                 llvm::raw_ostream &Err);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CACHEDEXTRACTION_H
