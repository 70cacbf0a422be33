//===- FuzzTargets.h - What each fuzzer feeds its input to ----------------===//
//
// Each target is a thin adapter from bytes to one reader of untrusted input,
// called exactly as the tools call it. The libFuzzer executables
// (FuzzerMain.cpp, built with BRISK_FUZZ) and the unit test that replays the
// seed corpora and every crash ever found (test/unit/FuzzReplayTest.cpp)
// share this table, so a regression input runs through the same code in
// every build.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_TEST_FUZZ_FUZZTARGETS_H
#define BRISK_TEST_FUZZ_FUZZTARGETS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace brisk::fuzz {

struct FuzzTarget {
  /// The executable is fuzz-<Name>; its seeds are in test/fuzz/corpus/<Name>,
  /// its regression inputs in test/fuzz/regressions/<Name>.
  llvm::StringLiteral Name;
  /// Runs one input. Whatever the bytes, it must return: a crash, a
  /// sanitizer report or a hang is the bug the fuzzer looks for.
  void (*Run)(llvm::StringRef Input);
};

void runElf(llvm::StringRef Input);
void runArchiveInventory(llvm::StringRef Input);
void runPackConfig(llvm::StringRef Input);
void runCheckConfig(llvm::StringRef Input);
void runSummaryCache(llvm::StringRef Input);

llvm::ArrayRef<FuzzTarget> fuzzTargets();

/// A folder of this process's own, made on first use and removed at exit,
/// for targets whose reader takes a path.
llvm::StringRef scratchDir();

} // namespace brisk::fuzz

#endif // BRISK_TEST_FUZZ_FUZZTARGETS_H
