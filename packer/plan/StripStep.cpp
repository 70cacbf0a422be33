//===- StripStep.cpp - Strip a plan's ELF files in parallel ---------------===//

#include "plan/StripStep.h"
#include "elf/Interpreter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

using namespace llvm;

namespace brisk {

namespace {
struct Result {
  std::string Error;
  std::string Warning;
  std::optional<DebugFile> Debug;
  bool OverLimit = false;
};
} // namespace

static void stripOne(PlannedFile &F, const StripOptions &Options, Result &R) {
  if (F.InputBytes > Options.FileBytesMax) {
    R.OverLimit = true;
    R.Error = "'" + F.ZipPath + "' is " + std::to_string(F.InputBytes) +
              " bytes, over Lambda's unzipped limit of " +
              std::to_string(Options.FileBytesMax) + " bytes";
    return;
  }
  Expected<std::unique_ptr<MemoryBuffer>> In = F.map();
  if (!In) {
    R.Error = toString(In.takeError());
    return;
  }
  // Named by its zip path, which is how warnings name it: the user knows
  // the function's tree, not where an archive's bytes sat.
  MemoryBufferRef Input((*In)->getBuffer(), F.ZipPath);
  StripResult Out;
  if (Options.Mode != StripMode::None) {
    Expected<StripResult> Stripped =
        stripElf(Input, Options.Mode, Options.ExtractDebug);
    if (!Stripped) {
      // Not ELF after all (a truncated header): ship it as it is.
      R.Warning = toString(Stripped.takeError());
      return;
    }
    Out = std::move(*Stripped);
  }
  R.Warning = std::move(Out.Warning);
  if (!F.Interpreter.empty()) {
    if (!Out.Changed)
      Out.Bytes = Input.getBuffer().str();
    if (Error E = setInterpreter(Out.Bytes, F.Interpreter)) {
      R.Error = F.ZipPath + ": " + toString(std::move(E));
      return;
    }
    Out.Changed = true;
  }
  if (Out.Changed) {
    Expected<FileSource> Spooled = spoolBytes(Options.ScratchDir, Out.Bytes);
    if (!Spooled) {
      R.Error = toString(Spooled.takeError());
      return;
    }
    F.Source = std::move(*Spooled);
    F.Bytes = F.Source.Size;
    F.Sha256 = toHex(SHA256::hash(arrayRefFromStringRef(Out.Bytes)),
                     /*LowerCase=*/true);
  }
  if (!Options.ExtractDebug || Out.DebugBytes.empty())
    return;
  std::string Compressed;
  StringRef Debug = Out.DebugBytes;
  if (Options.CompressDebug) {
    Expected<std::string> Bytes = compressDebugSections(Debug);
    if (!Bytes) {
      R.Error = F.ZipPath + ": " + toString(Bytes.takeError());
      return;
    }
    Compressed = std::move(*Bytes);
    Debug = Compressed;
  }
  Expected<FileSource> Spooled = spoolBytes(Options.ScratchDir, Debug);
  if (!Spooled) {
    R.Error = toString(Spooled.takeError());
    return;
  }
  R.Debug = DebugFile{Out.BuildId, F.ZipPath, std::move(*Spooled)};
}

Expected<StripOutcome> stripPlan(FunctionPlan &Plan,
                                 const StripOptions &Options) {
  StripOutcome Outcome;
  std::vector<Result> Results(Plan.Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Options.Threads));
    for (size_t I = 0; I < Plan.Files.size(); ++I) {
      PlannedFile &F = Plan.Files[I];
      bool Elf =
          F.Kind == FileKind::ElfExecutable || F.Kind == FileKind::SharedObject;
      if (F.Generated || !Elf || F.KeepUnstripped ||
          (Options.Mode == StripMode::None && F.Interpreter.empty()))
        continue;
      Pool.async([&F, &R = Results[I], &Options] { stripOne(F, Options, R); });
    }
    Pool.wait();
  }
  for (Result &R : Results) {
    if (R.OverLimit)
      return overLimit(R.Error);
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
