//===- ResourceSampler.cpp - What a sandbox holds, read from /proc --------===//

#include "verify/ResourceSampler.h"
#include "verify/SystemError.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <deque>
#include <fcntl.h>
#include <map>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

/// A small /proc file (their size is reported as 0, so read until EOF).
static std::string readProcFile(const Twine &Path) {
  std::string Text;
  int Fd = open(Path.str().c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return Text;
  char Buffer[4096];
  ssize_t N;
  while ((N = read(Fd, Buffer, sizeof(Buffer))) > 0 && Text.size() < 65536)
    Text.append(Buffer, N);
  close(Fd);
  return Text;
}

/// The parent pid from /proc/PID/stat; the command name in parentheses may
/// itself hold spaces and parentheses, so fields are counted after the last
/// ')'.
static std::optional<pid_t> parentOf(StringRef Pid) {
  std::string Stat = readProcFile("/proc/" + Pid + "/stat");
  size_t Close = Stat.rfind(')');
  if (Close == std::string::npos)
    return std::nullopt;
  SmallVector<StringRef, 4> Fields;
  StringRef(Stat).drop_front(Close + 1).split(Fields, ' ', 3, false);
  pid_t Parent;
  if (Fields.size() < 2 || !to_integer(Fields[1], Parent))
    return std::nullopt;
  return Parent;
}

SandboxTree findSandboxProcesses(pid_t Bwrap) {
  std::multimap<pid_t, pid_t> Children;
  std::error_code EC;
  for (sys::fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    pid_t Pid;
    if (!to_integer(Name, Pid))
      continue;
    if (std::optional<pid_t> Parent = parentOf(Name))
      Children.emplace(*Parent, Pid);
  }
  // Outer bwrap -> its init (pid 1 inside) -> the function's processes.
  SandboxTree Tree;
  auto Init = Children.find(Bwrap);
  if (Init == Children.end())
    return Tree;
  Tree.Init = Init->second;
  std::deque<pid_t> Queue = {Tree.Init};
  while (!Queue.empty()) {
    pid_t Pid = Queue.front();
    Queue.pop_front();
    for (auto [It, End] = Children.equal_range(Pid); It != End; ++It) {
      Tree.Processes.push_back(It->second);
      Queue.push_back(It->second);
    }
  }
  llvm::sort(Tree.Processes);
  return Tree;
}

static uint64_t countEntries(const Twine &Dir) {
  uint64_t N = 0;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++N;
  return N;
}

Expected<ResourceSample> sampleSandbox(pid_t Bwrap) {
  ResourceSample S;
  SandboxTree Tree = findSandboxProcesses(Bwrap);
  if (Tree.Processes.empty())
    return createStringError("the sandbox has no processes left");
  static const uint64_t PageBytes = sysconf(_SC_PAGESIZE);
  for (pid_t Pid : Tree.Processes) {
    std::string Dir = "/proc/" + std::to_string(Pid);
    SmallVector<StringRef, 3> Statm;
    std::string StatmText = readProcFile(Dir + "/statm");
    StringRef(StatmText).split(Statm, ' ', 2);
    uint64_t Pages = 0;
    if (Statm.size() < 2 || !to_integer(Statm[1], Pages))
      continue; // it ended while we looked
    ++S.Processes;
    S.ResidentBytes += Pages * PageBytes;
    S.Descriptors += countEntries(Dir + "/fd");
    S.Threads += countEntries(Dir + "/task");
  }
  // The sandbox's init sees the sandbox's mounts; its /proc/PID/root is the
  // sandbox's root. statvfs counts what a deleted-but-open file still holds.
  std::string Tmp = "/proc/" + std::to_string(Tree.Init) + "/root/tmp";
  struct statvfs Fs;
  if (statvfs(Tmp.c_str(), &Fs) != 0)
    return systemError("cannot read the sandbox's /tmp");
  S.TmpBytes = uint64_t(Fs.f_blocks - Fs.f_bfree) * Fs.f_frsize;
  return S;
}

} // namespace brisk
