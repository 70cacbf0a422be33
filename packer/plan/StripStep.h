//===- StripStep.h - Strip a plan's ELF files in parallel -----------------===//

#ifndef BRISK_PACKER_PLAN_STRIPSTEP_H
#define BRISK_PACKER_PLAN_STRIPSTEP_H

#include "elf/Stripper.h"
#include "plan/FunctionPlan.h"

#include <string>
#include <vector>

namespace brisk {

/// Split debug info of one stripped file, spooled in the scratch folder and
/// written to --keep-debug's folder only once the run succeeds.
struct DebugFile {
  std::string BuildId;
  std::string RelativePath;
  FileSource Source;
};

struct StripOutcome {
  /// "<zip path>: <why the original was kept>", in zip path order.
  std::vector<std::string> Warnings;
  std::vector<DebugFile> DebugFiles;
};

struct StripOptions {
  StripMode Mode = StripMode::Debug;
  bool ExtractDebug = false;
  bool CompressDebug = false;
  /// 0: all cores.
  unsigned Threads = 0;
  /// Where stripped copies and debug files are written.
  std::string ScratchDir;
  /// Stripping holds a file in memory: none larger than this is.
  uint64_t FileBytesMax = UINT64_MAX;
};

/// Strips every ELF file of \p Plan, and points those with an Interpreter
/// at it; other files are never touched. Each rewritten file is written to the
/// scratch folder as it is made and becomes the plan file's source, so memory
/// holds at most one file per thread. The outcome does not depend on the thread
/// count.
llvm::Expected<StripOutcome> stripPlan(FunctionPlan &Plan,
                                       const StripOptions &Options);

} // namespace brisk

#endif
