//===- Stripper.h - In-process ELF stripping through llvm::objcopy --------===//
//
// Strips an ELF image in memory, then checks the result still maps like the
// original (same program headers). Whenever anything goes wrong the original
// is kept and a warning says why: a stripped library that no longer loads is
// worse than a large one.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_STRIPPER_H
#define BRISK_PACKER_ELF_STRIPPER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <string>

namespace brisk {

/// Like llvm-strip's --strip-debug, --strip-unneeded and --strip-all.
enum class StripMode { None, Debug, Unneeded, All };

/// "none", "debug", "unneeded", "all".
llvm::Expected<StripMode> parseStripMode(llvm::StringRef Text);

struct StripResult {
  /// The stripped file when Changed; empty otherwise (ship the input as it
  /// is, no copy is made).
  std::string Bytes;
  bool Changed = false;   // stripping changed the file
  std::string Warning;    // set when the original was kept for a reason
  std::string DebugBytes; // --only-keep-debug image when asked and possible
  std::string BuildId;    // lower-case hex, "" when the file has none
};

/// Strips In. Never fails on malformed ELF: the original is returned with a
/// warning. The only error is input that is not ELF at all.
llvm::Expected<StripResult> stripElf(llvm::MemoryBufferRef In, StripMode Mode,
                                     bool ExtractDebug);

/// Where split debug info goes under a --keep-debug directory:
/// ".build-id/ab/cdef....debug" (the gdb / debuginfod layout) when BuildId is
/// known, else "<RelativePath>.debug".
std::string debugFileName(llvm::StringRef BuildId,
                          llvm::StringRef RelativePath);

/// Compresses the debug sections of a debug image with zstd (ELFCOMPRESS_ZSTD,
/// read directly by gdb and debuginfod). Error if LLVM lacks zstd.
llvm::Expected<std::string> compressDebugSections(llvm::StringRef DebugBytes);

/// Writes DebugBytes to Dir/debugFileName(...) atomically, creating folders.
/// With Compress, the debug sections are zstd-compressed first.
llvm::Error writeDebugFile(llvm::StringRef Dir, llvm::StringRef BuildId,
                           llvm::StringRef RelativePath,
                           llvm::StringRef DebugBytes, bool Compress);

} // namespace brisk

#endif
