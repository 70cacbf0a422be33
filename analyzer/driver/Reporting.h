//===- Reporting.h - A run's report and fix-its, as its options ask -------===//
//
// The findings of a run, final (filtered, suppressed, with their
// severities), become the report in --format on stdout or -o, the
// clang-apply-replacements file of --export-fixes, and the edits of --fix.
// SARIF locations are relative to the repository holding the current
// directory.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_REPORTING_H
#define BRISK_ANALYZER_DRIVER_REPORTING_H

#include "driver/CheckOptions.h"
#include "report/Finding.h"
#include "report/JsonEmitter.h"
#include "report/SarifEmitter.h"
#include "report/SourceFiles.h"
#include "rules/Rule.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace brisk {

/// The nearest folder above the current directory with .git, or the
/// current directory.
std::string sourceRoot();

/// What SARIF says of each of Rules (and of brisk's own nolint check):
/// their level after Severities, and their docs pages.
std::vector<RuleDescription>
describeRules(llvm::ArrayRef<const Rule *> Rules,
              const std::map<std::string, Severity> &Severities);

/// Writes the report in O.Format to Out, or to O.OutputPath atomically.
llvm::Error writeReport(const CheckOptions &O, llvm::ArrayRef<Finding> Findings,
                        const RunStats &Stats,
                        llvm::ArrayRef<RuleDescription> Rules,
                        llvm::StringRef DocsUrl, SourceFiles &Sources,
                        llvm::raw_ostream &Out);

/// --export-fixes and --fix; says on Err how many files --fix changed.
llvm::Error writeFixes(const CheckOptions &O, llvm::ArrayRef<Finding> Findings,
                       SourceFiles &Sources, llvm::raw_ostream &Err);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_REPORTING_H
