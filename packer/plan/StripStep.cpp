//===- StripStep.cpp - Strip a plan's ELF files in parallel ---------------===//

#include "plan/StripStep.h"

#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

using namespace llvm;

namespace brisk {

Expected<StripOutcome> stripPlan(FunctionPlan &Plan, StripMode Mode,
                                 bool ExtractDebug, unsigned Threads) {
  StripOutcome Outcome;
  if (Mode == StripMode::None)
    return Outcome;
  struct Result {
    std::string Error;
    std::string Warning;
    std::optional<DebugFile> Debug;
  };
  std::vector<Result> Results(Plan.Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Plan.Files.size(); ++I) {
      PlannedFile &F = Plan.Files[I];
      if (F.isSymlink() || F.Shipped ||
          (F.Kind != FileKind::ElfExecutable &&
           F.Kind != FileKind::SharedObject))
        continue;
      Pool.async([&F, &R = Results[I], Mode, ExtractDebug] {
        Expected<std::unique_ptr<MemoryBuffer>> In = F.open();
        if (!In) {
          R.Error = toString(In.takeError());
          return;
        }
        // Named by its zip path, which is how warnings name it: the user
        // knows the function's tree, not where an archive's bytes sat.
        Expected<StripResult> Out = stripElf(
            MemoryBufferRef((*In)->getBuffer(), F.ZipPath), Mode, ExtractDebug);
        if (!Out) {
          // Not ELF after all (a truncated header): ship it as it is.
          R.Warning = toString(Out.takeError());
          return;
        }
        R.Warning = std::move(Out->Warning);
        if (Out->Changed) {
          F.Bytes = Out->Bytes.size();
          F.Shipped =
              std::make_shared<const std::string>(std::move(Out->Bytes));
        }
        if (ExtractDebug && !Out->DebugBytes.empty())
          R.Debug =
              DebugFile{Out->BuildId, F.ZipPath, std::move(Out->DebugBytes)};
      });
    }
    Pool.wait();
  }
  for (Result &R : Results) {
    if (!R.Error.empty())
      return createStringError(R.Error);
    if (!R.Warning.empty())
      Outcome.Warnings.push_back(std::move(R.Warning));
    if (R.Debug)
      Outcome.DebugFiles.push_back(std::move(*R.Debug));
  }
  return Outcome;
}

} // namespace brisk
