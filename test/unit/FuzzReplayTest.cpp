//===- FuzzReplayTest.cpp - Every seed and past crash through each target -===//
//
// The fuzzers run only on demand (test/fuzz/run); this runs, in every build,
// each target's seeds and every input that once crashed it, so a fixed crash
// stays fixed, and under BRISK_SANITIZE with the sanitizers watching.
//
//===----------------------------------------------------------------------===//

#include "FuzzTargets.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace brisk::fuzz;

namespace {

std::vector<std::string> inputsIn(llvm::StringRef Kind,
                                  llvm::StringRef Target) {
  llvm::SmallString<256> Dir(BRISK_FUZZ_SOURCE_DIR);
  llvm::sys::path::append(Dir, Kind, Target);
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  return Files;
}

void replay(const FuzzTarget &Target, llvm::ArrayRef<std::string> Files) {
  for (const std::string &File : Files) {
    SCOPED_TRACE(File);
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    ASSERT_TRUE(bool(Buffer));
    Target.Run((*Buffer)->getBuffer());
  }
}

TEST(FuzzReplayTest, EveryTargetHasSeeds) {
  ASSERT_EQ(fuzzTargets().size(), 5u);
  for (const FuzzTarget &Target : fuzzTargets())
    EXPECT_GE(inputsIn("corpus", Target.Name).size(), 3u) << Target.Name.str();
}

TEST(FuzzReplayTest, SeedsRun) {
  for (const FuzzTarget &Target : fuzzTargets())
    replay(Target, inputsIn("corpus", Target.Name));
}

TEST(FuzzReplayTest, PastCrashesRun) {
  for (const FuzzTarget &Target : fuzzTargets())
    replay(Target, inputsIn("regressions", Target.Name));
}

} // namespace
