//===- ReportWriter.h - Where --report goes, and in which form ------------===//
//
// --report=FILE.html writes the page, --report=FILE.json the data. Inside
// OUT_DIR the report is one of the run's outputs: written into the stage,
// listed in manifest.json, replaced with the rest in one step. Outside, it is
// written (to a temporary name, then renamed) once everything else is ready.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_REPORT_REPORTWRITER_H
#define BRISK_PACKER_REPORT_REPORTWRITER_H

#include "plan/PackRun.h"

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

struct ReportTarget {
  /// Relative to OUT_DIR when the report is inside it.
  std::string InOutDir;
  /// Otherwise its path.
  std::string Outside;
  bool Html = false;
};

/// Where \p Path (empty: no report) goes, given the real OUT_DIR \p RealOut
/// (\p ShownOut in messages). Anything but .html, .htm or .json is an error,
/// as is the manifest's own name.
llvm::Expected<ReportTarget> reportTarget(llvm::StringRef Path,
                                          llvm::StringRef RealOut,
                                          llvm::StringRef ShownOut);

/// The report's bytes in the target's form.
std::string renderReport(const PackResult &Result, const ReportTarget &Target);

/// Writes \p Text to \p Path whole or not at all.
llvm::Error writeReportOutside(llvm::StringRef Path, llvm::StringRef Text);

} // namespace brisk

#endif
