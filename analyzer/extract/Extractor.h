//===- Extractor.h - Turn translation units into summaries ----------------===//
//
// Extraction is the only place that sees an AST. It runs once per
// translation unit, in parallel, and records everything every rule needs in a
// TUSummary; rules never look at clang types.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_EXTRACTOR_H
#define BRISK_ANALYZER_EXTRACT_EXTRACTOR_H

#include "catalog/Catalogs.h"
#include "model/Summary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace brisk {

struct ExtractOptions {
  unsigned Jobs = 0; // 0: all cores
  /// What extraction matches code against.
  Catalogs Data;
  /// Where clang's own diagnostics for broken TUs go (file:line:col: error:).
  llvm::raw_ostream *DiagOut = nullptr;
  /// Where summaries of unchanged TUs are kept between runs (brisk-check
  /// uses --cache-dir, by default <build dir>/.brisk-cache); empty: no cache.
  std::string CacheDir;
  /// Called as each TU finishes (Index into Files), from the thread that
  /// extracted it; calls may overlap.
  std::function<void(size_t Index, const TUSummary &S, bool Cached)> OnTUDone;
  /// Link-only (CI shards): every summary comes from these caches, those of
  /// TUs with compile errors included, and nothing is parsed; a TU without a
  /// current entry in any of them is an error.
  std::vector<std::string> LinkFrom;
};

struct ExtractResult {
  /// One per file, in the order of Files, whatever the thread count.
  std::vector<TUSummary> Summaries;
  unsigned ParseErrors = 0; // TUs that had compile errors
  unsigned CacheHits = 0;
  /// TUs whose analysis crashed. Their compiler state was abandoned midway
  /// (timers still registered with LLVM), so the process must not run
  /// LLVM's shutdown.
  unsigned Crashes = 0;
  /// Per file: clang's errors for it, as printed to DiagOut.
  std::vector<std::string> Diagnostics;
  /// Per file: the main file and the non-system headers it read (absolute,
  /// sorted), so that a header can be traced to the TUs that include it.
  std::vector<std::vector<std::string>> UserFilesRead;
};

/// Extracts a summary for each of Files (absolute paths present in DB).
/// Fails only when nothing could be analysed at all; a TU that does not
/// compile still yields a best-effort summary with HadErrors set.
llvm::Expected<ExtractResult>
extractSummaries(const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const ExtractOptions &Options);

/// Extracts the summary of one translation unit given as text, compiled as
/// FileName with Args (flags only); for tests and tools that already hold the
/// code. Headers are read from disk.
TUSummary extractSummaryFromCode(llvm::StringRef Code, llvm::StringRef FileName,
                                 const std::vector<std::string> &Args,
                                 const ExtractOptions &Options);

/// The clang resource directory (builtin headers such as stddef.h) of the
/// clang brisk is linked with.
std::string clangResourceDir();

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_EXTRACTOR_H
