//===- StripStep.h - Strip a plan's ELF files in parallel -----------------===//

#ifndef BRISK_PACKER_PLAN_STRIPSTEP_H
#define BRISK_PACKER_PLAN_STRIPSTEP_H

#include "elf/Stripper.h"
#include "plan/FunctionPlan.h"

#include <string>
#include <vector>

namespace brisk {

/// Split debug info of one stripped file, written only once the run succeeds.
struct DebugFile {
  std::string BuildId;
  std::string RelativePath;
  std::string Bytes;
};

struct StripOutcome {
  /// "<zip path>: <why the original was kept>", in zip path order.
  std::vector<std::string> Warnings;
  std::vector<DebugFile> DebugFiles;
};

/// Strips every ELF file of \p Plan with \p Mode on \p Threads threads
/// (0: all cores); other files are never touched. The outcome does not depend
/// on the thread count.
llvm::Expected<StripOutcome> stripPlan(FunctionPlan &Plan, StripMode Mode,
                                       bool ExtractDebug, unsigned Threads);

} // namespace brisk

#endif
