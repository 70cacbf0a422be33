//===- SandboxProcessTest.cpp - How the sandbox ended, what it can reach --===//

#include "verify/SandboxProcess.h"

#include "PackerFixtureDir.h"

#include <sys/stat.h>
#include <unistd.h>

#include "gtest/gtest.h"

using namespace brisk;

namespace {

TEST(SandboxProcessTest, DescribesExitsAsLambdaDoes) {
  EXPECT_EQ(describeExit(0), "exit status 0");
  EXPECT_EQ(describeExit(3 << 8), "exit status 3");
  // bwrap passes a command's death by signal on as 128 + the signal.
  EXPECT_EQ(describeExit(139 << 8), "signal 11 (SIGSEGV)");
  EXPECT_EQ(describeExit(134 << 8), "signal 6 (SIGABRT)");
  // bwrap itself killed.
  EXPECT_EQ(describeExit(9), "signal 9 (SIGKILL)");
}

TEST(SandboxProcessTest, AsRootOnlyWhatOthersCanReachIsBound) {
  if (geteuid() != 0)
    GTEST_SKIP() << "the sandbox runs as the caller, who reaches everything";
  FixtureDir Dir("sandbox-reach");
  chmod(Dir.Root.c_str(), 0755); // made private
  ASSERT_FALSE(llvm::sys::fs::create_directory(Dir.path("private")));
  Dir.write("private/lib.so", "x");
  chmod(Dir.path("private/lib.so").c_str(), 0644);
  chmod(Dir.path("private").c_str(), 0700);
  EXPECT_FALSE(sandboxCanReach(Dir.path("private/lib.so")));
  chmod(Dir.path("private").c_str(), 0755);
  EXPECT_TRUE(sandboxCanReach(Dir.path("private/lib.so")));
  chmod(Dir.path("private/lib.so").c_str(), 0600);
  EXPECT_FALSE(sandboxCanReach(Dir.path("private/lib.so")));
  EXPECT_FALSE(sandboxCanReach(Dir.path("missing")));
  EXPECT_TRUE(sandboxCanReach("/usr/bin"));
}

} // namespace
