//===- ContentStore.h - Read, hash and strip each distinct file once ------===//
//
// A run over many functions names the same library in every function that
// links it. The content step finds the distinct files behind all plans (the
// same region of the same file on disk is one), and for each, in parallel:
// reads it once, hashing what ships and sampling it for the zip estimate;
// strips it when stripping can change it (an ELF file with debug info under
// --strip=debug; any loadable ELF file under unneeded and all), holding it in
// memory only then and only within a byte budget of a small multiple of the
// largest such file. Every plan file that names it gets the result: where the
// bytes now are, their size, SHA-256 and estimated zip size.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_CONTENT_CONTENTSTORE_H
#define BRISK_PACKER_CONTENT_CONTENTSTORE_H

#include "elf/Stripper.h"
#include "plan/FunctionPlan.h"

#include <string>
#include <variant>
#include <vector>

namespace brisk {

/// Split debug info of one stripped file, spooled in the scratch folder and
/// written to --keep-debug's folder only once the run succeeds.
struct DebugFile {
  std::string BuildId;
  std::string RelativePath;
  FileSource Source;
};

struct ContentOptions {
  StripMode Mode = StripMode::Debug;
  bool ExtractDebug = false;
  bool CompressDebug = false;
  /// 0: all cores.
  unsigned Threads = 0;
  /// Where stripped copies and debug files are written.
  std::string ScratchDir;
  /// Stripping holds a file in memory: none larger than this is.
  uint64_t FileBytesMax = UINT64_MAX;
  /// The deflate level the zips will be written with, for the estimate.
  unsigned CompressionLevel = 6;
};

/// A warning about one input file, said once for the first function (in the
/// order given) that uses it.
struct ContentWarning {
  size_t Plan = 0;
  std::string Message;
};

struct ContentOutcome {
  std::vector<ContentWarning> Warnings;
  /// Split debug info, named "<function>/<zip path>" after the first
  /// function that uses the file.
  std::vector<DebugFile> DebugFiles;
  /// Distinct files read, and how many of them were stripped.
  size_t DistinctFiles = 0;
  size_t StrippedFiles = 0;
};

/// A file that could not be processed, in the first function (in the order
/// given) that uses it: the message names its zip path.
struct ContentFailure {
  size_t Plan = 0;
  std::string Message;
  /// The file is over Lambda's unzipped limit (exit 1, not 2).
  bool OverLimit = false;
};

/// Processes every file of \p Plans as above; on failure, the first failing
/// file in plan order, whatever finished first. The outcome does not depend
/// on the thread count.
std::variant<ContentOutcome, ContentFailure>
processContents(std::vector<FunctionPlan> &Plans,
                const ContentOptions &Options);

/// Gives \p File, an ELF program, \p Interpreter as its PT_INTERP: a copy
/// with the new path is spooled to \p ScratchDir and becomes its source.
llvm::Error pointAtInterpreter(PlannedFile &File, llvm::StringRef Interpreter,
                               llvm::StringRef ScratchDir);

} // namespace brisk

#endif
