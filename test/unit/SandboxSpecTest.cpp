//===- SandboxSpecTest.cpp - verify's sandbox as a bwrap command line -----===//

#include "verify/SandboxSpec.h"

#include "llvm/ADT/StringExtras.h"

#include "gtest/gtest.h"

using namespace brisk;

namespace {

TEST(SandboxSpecTest, BubblewrapArgumentsBuildExactlyTheSpec) {
  SandboxSpec Spec;
  Spec.Mounts = {
      {SandboxMount::ReadOnlyBind, "/host/libc.so.6", "/usr/lib64/libc.so.6"},
      {SandboxMount::Symlink, "usr/lib64", "/lib64"},
      {SandboxMount::ReadOnlyBind, "/scratch/task", "/var/task"},
      {SandboxMount::Tmpfs, "", "/tmp", 512ull << 20, true},
      {SandboxMount::Tmpfs, "", "/var/lang/lib/python3.11/site-packages", 4096,
       false}};
  Spec.Command = {"/var/task/bootstrap"};
  EXPECT_EQ(
      llvm::join(bubblewrapArguments(Spec), " "),
      "--unshare-user --unshare-pid --unshare-ipc --unshare-uts "
      "--unshare-cgroup-try --hostname localhost --uid 993 --gid 990 "
      "--die-with-parent --new-session --proc /proc --dev /dev "
      "--ro-bind /host/libc.so.6 /usr/lib64/libc.so.6 "
      "--symlink usr/lib64 /lib64 "
      "--ro-bind /scratch/task /var/task "
      "--size 536870912 --perms 1777 --tmpfs /tmp "
      "--size 4096 --perms 0755 --tmpfs /var/lang/lib/python3.11/site-packages "
      "--remount-ro /var/lang/lib/python3.11/site-packages "
      "--remount-ro / --chdir /var/task -- /var/task/bootstrap");
}

TEST(SandboxSpecTest, NothingOfTheHostUnlessAMountNamesIt) {
  SandboxSpec Spec;
  Spec.Command = {"/var/task/bootstrap"};
  for (const std::string &Arg : bubblewrapArguments(Spec)) {
    EXPECT_NE(Arg, "--bind");
    EXPECT_NE(Arg, "--dev-bind");
    EXPECT_NE(Arg, "--share-net");
    EXPECT_NE(Arg, "--ro-bind");
  }
}

} // namespace
