//===- ResourceSampler.h - What a sandbox holds, read from /proc ----------===//
//
// The warm-leak check's measurements: after each invocation, the resident
// memory, open descriptors and threads summed over the function's processes,
// and the bytes used in its private /tmp. bwrap's own processes (the outer
// monitor and the namespace's init that reaps) are not the function's and are
// left out.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_RESOURCESAMPLER_H
#define BRISK_PACKER_VERIFY_RESOURCESAMPLER_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <sys/types.h>
#include <vector>

namespace brisk {

struct ResourceSample {
  uint64_t ResidentBytes = 0;
  uint64_t Descriptors = 0;
  uint64_t Threads = 0;
  uint64_t Processes = 0;
  uint64_t TmpBytes = 0;
};

/// The sandbox whose outer bwrap is \p Bwrap: its init (pid 1 inside, the
/// reaper bwrap forks) and every descendant of it, the function's processes,
/// found through each process's parent in /proc/PID/stat.
struct SandboxTree {
  pid_t Init = -1;
  std::vector<pid_t> Processes; // sorted
};
SandboxTree findSandboxProcesses(pid_t Bwrap);

/// Sums the sample over the function's processes; /tmp's usage comes from
/// statvfs through the sandbox init's /proc/PID/root. An error when the
/// sandbox is gone.
llvm::Expected<ResourceSample> sampleSandbox(pid_t Bwrap);

} // namespace brisk

#endif
