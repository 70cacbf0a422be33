//===- RunPolicy.h - What a run's options mean, checked before it starts --===//
//
// Every option value that can be wrong is checked before anything is read
// or parsed, so that a CI step with a typo fails at once with exit code 2:
// the format, --fail-on, --header-filter, --shard and the combinations of
// the cache options. A shard reports nothing, so what selects or writes a
// report is refused there: it belongs to the --link-only step.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_RUNPOLICY_H
#define BRISK_ANALYZER_DRIVER_RUNPOLICY_H

#include "driver/CheckOptions.h"
#include "driver/Shards.h"
#include "report/Finding.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"

#include <optional>

namespace brisk {

struct RunPolicy {
  /// --fail-on=never: exit 0 unless the run could not run.
  bool NeverFail = false;
  /// The lowest severity that makes the exit code 1.
  Severity FailLevel = Severity::Warning;
  /// Findings in user headers outside it are dropped; unset: none are.
  std::optional<llvm::Regex> HeaderFilter;
  std::optional<ShardSpec> Shard;

  /// The exit code of a run that reported Findings, ReportedErrors of its
  /// reported TUs having compile errors (clang-tidy's policy).
  int exitCode(llvm::ArrayRef<Finding> Findings, unsigned ReportedErrors,
               bool AllowCompileErrors) const;
};

llvm::Expected<RunPolicy> checkRunOptions(const CheckOptions &O);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_RUNPOLICY_H
