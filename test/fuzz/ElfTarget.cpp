//===- ElfTarget.cpp - Fuzz the ELF reader and the strip path -------------===//
//
// brisk-pack reads every ELF file it packs (readElfInfo) and strips it in
// process (stripElf), which must keep the original, with a warning, for
// anything malformed. Both modes that rewrite the most are tried, one with
// split debug info.

#include "FuzzTargets.h"

#include "elf/ElfFile.h"
#include "elf/Stripper.h"

#include "llvm/Support/MemoryBufferRef.h"

namespace brisk::fuzz {

void runElf(llvm::StringRef Input) {
  llvm::MemoryBufferRef Buffer(Input, "fuzz.elf");
  llvm::consumeError(readElfInfo(Buffer).takeError());
  llvm::consumeError(
      stripElf(Buffer, StripMode::Debug, /*ExtractDebug=*/true).takeError());
  llvm::consumeError(
      stripElf(Buffer, StripMode::All, /*ExtractDebug=*/false).takeError());
}

} // namespace brisk::fuzz
