//===- CheckRun.h - One brisk-check run, from options to exit code --------===//
//
// Loads the data and the compilation database, extracts a summary per TU,
// links them, runs the selected rules from every handler, applies NOLINT
// suppressions and severity overrides, writes the report, exports or
// applies fix-its, and picks the exit code (design.md): 0 no finding at or
// above --fail-on, 1 findings, 2 could not run.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CHECKRUN_H
#define BRISK_ANALYZER_DRIVER_CHECKRUN_H

#include "driver/CheckOptions.h"

#include "llvm/Support/raw_ostream.h"

namespace brisk {

struct CheckResult {
  int ExitCode = 0;
  /// A TU's analysis crashed: its compiler state was abandoned, and the
  /// process must leave without LLVM's shutdown.
  bool Crashed = false;
};

/// Runs brisk-check; the report goes to Out (or the -o file), diagnostics
/// about the run to Err.
CheckResult runCheck(const CheckOptions &Options, llvm::raw_ostream &Out,
                     llvm::raw_ostream &Err);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CHECKRUN_H
