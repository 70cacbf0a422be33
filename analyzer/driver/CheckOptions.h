//===- CheckOptions.h - What one brisk-check run is asked to do -----------===//
//
// The command line as plain data, so that the run itself is a library
// function (runCheck) the tool, tests and later front ends share.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CHECKOPTIONS_H
#define BRISK_ANALYZER_DRIVER_CHECKOPTIONS_H

#include "report/Finding.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

struct CheckOptions {
  std::string BuildPath;                // -p
  std::vector<std::string> SourcePaths; // FILE...: report only these
  std::string Format = "text";          // text, json or sarif
  std::string OutputPath;               // -o; empty: stdout
  unsigned Jobs = 0;                    // -j; 0: all cores
  std::vector<std::string> HandlerNames;
  std::string ConfigPath;
  std::string RuleList;
  /// --max-concurrency; unset: the config file's, else 1.
  std::optional<unsigned> MaxConcurrency;
  bool NoCache = false;
  std::string FailOn = "warning";
  bool Fix = false;                         // apply fix-its in place
  std::string ExportFixesPath;              // clang-apply-replacements YAML
  bool ListRules = false;                   // print the rules and exit
  bool Stats = false;                       // print run statistics on stderr
  std::string WarningsAsErrors;             // rule globs reported as errors
  std::string HeaderFilter;                 // regex; empty: every user header
  bool Quiet = false;                       // no progress, notes or summaries
  std::vector<std::string> ExtraArgs;       // appended to compile commands
  std::vector<std::string> ExtraArgsBefore; // prepended to them
  bool AllowCompileErrors = false;          // compile errors keep exit code 0
  bool ShowProgress = false;                // [n/N] file lines on stderr
  std::string DocsUrl;           // base of SARIF's helpUri; empty: none
  std::string WriteBaselinePath; // record this run's findings
  std::string BaselinePath;      // report only findings not in it
  bool DumpConfig = false;       // print the config for SourcePaths[0]
  /// Where brisk's own rules/ data is (<prefix>/share/brisk/rules).
  std::string RulesDir;
  /// --cache-dir; empty: BUILD_DIR/.brisk-cache. Several only with LinkOnly.
  std::vector<std::string> CacheDirs;
  std::string Shard;     // --shard=I/N: extract a part into the cache, report
                         // nothing
  bool LinkOnly = false; // --link-only: summaries only from the caches
  /// When set, the findings (suppressed, sorted) go here instead of a
  /// report: the language server publishes them itself.
  std::function<void(std::vector<Finding>)> OnFindings;
};

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CHECKOPTIONS_H
