//===- ContentStore.cpp - Read, hash and strip each distinct file once ----===//

#include "content/ContentStore.h"
#include "content/ByteBudget.h"
#include "content/ZipEstimate.h"
#include "elf/ElfFile.h"
#include "elf/Interpreter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

using namespace llvm;

namespace brisk {

namespace {
/// One distinct file and what processing it gave.
struct Job {
  FileSource Source;
  FileKind Kind = FileKind::Other;
  /// A strip_exclude of the config: ships as it is.
  bool KeepUnstripped = false;
  /// The first plan file naming it, for messages and debug file names.
  size_t Plan = 0;
  std::string ZipPath;
  std::vector<PlannedFile *> Users;

  // Results.
  FileSource Final;
  std::string Sha256;
  uint64_t ZipBytes = 0;
  bool Stripped = false;
  std::string Error;
  bool OverLimit = false;
  std::string Warning;
  std::optional<DebugFile> Debug;
};
} // namespace

static std::string hexSha256(StringRef Bytes) {
  return toHex(SHA256::hash(arrayRefFromStringRef(Bytes)), /*LowerCase=*/true);
}

static bool isElf(FileKind Kind) {
  return Kind == FileKind::ElfExecutable || Kind == FileKind::SharedObject;
}

// Hashes and samples a file that ships as it is, a chunk at a time.
static void streamOne(Job &J, unsigned Level) {
  SHA256 Hash;
  ZipEstimate Estimate(Level);
  if (Error E = readSource(J.Source, [&](StringRef Chunk) {
        Hash.update(Chunk);
        Estimate.update(Chunk);
        return Error::success();
      })) {
    J.Error = toString(std::move(E));
    return;
  }
  J.Final = J.Source;
  J.Sha256 = toHex(Hash.final(), /*LowerCase=*/true);
  J.ZipBytes = Estimate.bytes();
}

// Whether stripping can change the ELF file at all, from its headers alone
// (mapping touches only the pages read): under --strip=debug a file without
// debug sections stays as it is, so it is streamed like any other file.
static bool mayStrip(const Job &J, const ContentOptions &Options) {
  if (Options.Mode == StripMode::None && !Options.ExtractDebug)
    return false;
  Expected<std::unique_ptr<MemoryBuffer>> Buf = mapSource(J.Source, J.ZipPath);
  if (!Buf) {
    consumeError(Buf.takeError());
    return true;
  }
  Expected<ElfInfo> Info = readElfInfo((*Buf)->getMemBufferRef());
  if (!Info) {
    // stripElf says why it keeps the file.
    consumeError(Info.takeError());
    return true;
  }
  if (Info->Kind == ElfKind::Other)
    return false;
  // A damaged or odd layout: stripElf says why it keeps the file.
  if (!Info->SectionTableProblem.empty() || Info->IrregularSectionLayout)
    return true;
  if (Options.Mode == StripMode::Debug || Options.Mode == StripMode::None)
    return Info->HasDebugInfo;
  return true;
}

static void stripOne(Job &J, const ContentOptions &Options) {
  Expected<std::unique_ptr<MemoryBuffer>> In = mapSource(J.Source, J.ZipPath);
  if (!In) {
    J.Error = toString(In.takeError());
    return;
  }
  // Named by its zip path, which is how warnings name it: the user knows
  // the function's tree, not where an archive's bytes sat.
  MemoryBufferRef Input((*In)->getBuffer(), J.ZipPath);
  Expected<StripResult> Out =
      stripElf(Input, Options.Mode, Options.ExtractDebug);
  if (!Out) {
    // Not ELF after all (a truncated header): ship it as it is.
    J.Warning = toString(Out.takeError());
    Out = StripResult();
  }
  J.Warning = std::move(Out->Warning);
  StringRef Shipped = Input.getBuffer();
  if (Out->Changed && Options.Mode != StripMode::None) {
    Expected<FileSource> Spooled = spoolBytes(Options.ScratchDir, Out->Bytes);
    if (!Spooled) {
      J.Error = toString(Spooled.takeError());
      return;
    }
    J.Final = std::move(*Spooled);
    J.Stripped = true;
    Shipped = Out->Bytes;
  } else {
    J.Final = J.Source;
  }
  J.Sha256 = hexSha256(Shipped);
  ZipEstimate Estimate(Options.CompressionLevel);
  Estimate.update(Shipped);
  J.ZipBytes = Estimate.bytes();
  if (!Options.ExtractDebug || Out->DebugBytes.empty())
    return;
  std::string Compressed;
  StringRef Debug = Out->DebugBytes;
  if (Options.CompressDebug) {
    Expected<std::string> Bytes = compressDebugSections(Debug);
    if (!Bytes) {
      J.Error = J.ZipPath + ": " + toString(Bytes.takeError());
      return;
    }
    Compressed = std::move(*Bytes);
    Debug = Compressed;
  }
  Expected<FileSource> Spooled = spoolBytes(Options.ScratchDir, Debug);
  if (!Spooled) {
    J.Error = toString(Spooled.takeError());
    return;
  }
  J.Debug = DebugFile{Out->BuildId, J.ZipPath, std::move(*Spooled)};
}

static void processOne(Job &J, const ContentOptions &Options,
                       ByteBudget &Memory) {
  if (J.Source.Size > Options.FileBytesMax) {
    J.OverLimit = true;
    J.Error = "'" + J.ZipPath + "' is " + std::to_string(J.Source.Size) +
              " bytes, over Lambda's unzipped limit of " +
              std::to_string(Options.FileBytesMax) + " bytes";
    return;
  }
  if (!isElf(J.Kind) || J.KeepUnstripped || !mayStrip(J, Options))
    return streamOne(J, Options.CompressionLevel);
  // The input mapped and the stripped copy: twice the file.
  HeldBytes Held(Memory, 2 * J.Source.Size);
  stripOne(J, Options);
}

// Symlinks and generated files are small and known already.
static void describeInline(PlannedFile &F, unsigned Level) {
  StringRef Bytes =
      F.isSymlink() ? StringRef(F.LinkTarget) : StringRef(*F.Generated);
  F.Sha256 = hexSha256(Bytes);
  ZipEstimate Estimate(Level);
  Estimate.update(Bytes);
  F.ZipBytes = Estimate.bytes() + zipEntryOverhead(F.ZipPath.size());
}

std::variant<ContentOutcome, ContentFailure>
processContents(std::vector<FunctionPlan> &Plans,
                const ContentOptions &Options) {
  std::vector<Job> Jobs;
  StringMap<size_t> ByRegion;
  for (size_t P = 0; P < Plans.size(); ++P)
    for (PlannedFile &F : Plans[P].Files) {
      if (F.isFolder()) {
        F.ZipBytes = zipEntryOverhead(F.ZipPath.size() + 1);
        continue;
      }
      if (F.isSymlink() || F.Generated) {
        describeInline(F, Options.CompressionLevel);
        continue;
      }
      // A file one function excludes from stripping and another does not
      // is two jobs.
      std::string Key = (F.KeepUnstripped ? "k" : "s") + F.Source.Path + '\0' +
                        std::to_string(F.Source.Offset) + '\0' +
                        std::to_string(F.Source.Size);
      auto [It, New] = ByRegion.try_emplace(Key, Jobs.size());
      if (New) {
        Jobs.emplace_back();
        Jobs.back().Source = F.Source;
        Jobs.back().Kind = F.Kind;
        Jobs.back().KeepUnstripped = F.KeepUnstripped;
        Jobs.back().Plan = P;
        Jobs.back().ZipPath = F.ZipPath;
      }
      Jobs[It->second].Users.push_back(&F);
    }

  uint64_t Largest = 0;
  for (const Job &J : Jobs)
    if (isElf(J.Kind))
      Largest = std::max(Largest, J.Source.Size);
  // Room for two threads' worth of ordinary libraries, or the largest file.
  ByteBudget Memory(std::max<uint64_t>(2 * Largest, 256 << 20));
  {
    // Largest first, so that the last file to finish is a small one.
    std::vector<size_t> Order(Jobs.size());
    for (size_t I = 0; I < Order.size(); ++I)
      Order[I] = I;
    llvm::stable_sort(Order, [&](size_t A, size_t B) {
      return Jobs[A].Source.Size > Jobs[B].Source.Size;
    });
    DefaultThreadPool Pool(hardware_concurrency(Options.Threads));
    for (size_t I : Order)
      Pool.async([&J = Jobs[I], &Options, &Memory] {
        processOne(J, Options, Memory);
      });
    Pool.wait();
  }

  // Errors and warnings in plan order, whatever finished first.
  ContentOutcome Outcome;
  Outcome.DistinctFiles = Jobs.size();
  for (Job &J : Jobs) {
    if (!J.Error.empty())
      return ContentFailure{J.Plan, std::move(J.Error), J.OverLimit};
    if (!J.Warning.empty())
      Outcome.Warnings.push_back({J.Plan, std::move(J.Warning)});
    if (J.Debug) {
      J.Debug->RelativePath = Plans[J.Plan].Name + "/" + J.Debug->RelativePath;
      Outcome.DebugFiles.push_back(std::move(*J.Debug));
    }
    Outcome.StrippedFiles += J.Stripped;
    for (PlannedFile *F : J.Users) {
      F->Source = J.Final;
      F->Bytes = J.Final.Size;
      F->Sha256 = J.Sha256;
      F->ZipBytes = J.ZipBytes + zipEntryOverhead(F->ZipPath.size());
    }
  }
  llvm::stable_sort(Outcome.Warnings,
                    [](const ContentWarning &A, const ContentWarning &B) {
                      return A.Plan < B.Plan;
                    });
  return Outcome;
}

Error pointAtInterpreter(PlannedFile &File, StringRef Interpreter,
                         StringRef ScratchDir) {
  Expected<std::unique_ptr<MemoryBuffer>> In = File.map();
  if (!In)
    return In.takeError();
  std::string Bytes = (*In)->getBuffer().str();
  if (Error E = setInterpreter(Bytes, Interpreter))
    return createStringError(File.ZipPath + ": " + toString(std::move(E)));
  Expected<FileSource> Spooled = spoolBytes(ScratchDir, Bytes);
  if (!Spooled)
    return Spooled.takeError();
  File.Source = std::move(*Spooled);
  File.Bytes = File.Source.Size;
  File.Sha256 = hexSha256(Bytes);
  return Error::success();
}

} // namespace brisk
