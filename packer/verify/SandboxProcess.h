//===- SandboxProcess.h - The running bubblewrap sandbox ------------------===//
//
// Starts bwrap for a SandboxSpec with Lambda's limits (RLIMIT_NOFILE and
// RLIMIT_NPROC), in the given network namespace, as an unprivileged user
// when brisk-pack runs as root (root's processes are not counted against
// RLIMIT_NPROC), with the function's stdout and stderr in one pipe as Lambda
// sends both to one log stream. A thread keeps the end of that log and
// notices when the sandbox ends.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_SANDBOXPROCESS_H
#define BRISK_PACKER_VERIFY_SANDBOXPROCESS_H

#include "verify/SandboxSpec.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>

namespace brisk {

/// "exit status 1", "signal 11 (SIGSEGV)": how the function's process ended,
/// from bwrap's wait status. bwrap, like a shell, reports a command killed
/// by signal N as exit status 128+N.
std::string describeExit(int WaitStatus);

/// Whether bwrap, run as the sandbox's user, can reach \p Path to bind it:
/// as root that user is Lambda's unprivileged one, so every folder on the way
/// must be searchable by others and the file itself readable; otherwise it is
/// the caller, who can.
bool sandboxCanReach(llvm::StringRef Path);

class SandboxProcess {
public:
  /// Starts the sandbox. \p NetworkNamespace (-1: the caller's) is joined
  /// before bwrap runs. \p OnExit runs on the monitor thread once the sandbox
  /// has ended and its output has been read. With \p Forward, the function's
  /// output is also copied there as it arrives.
  static llvm::Expected<std::unique_ptr<SandboxProcess>>
  start(const SandboxSpec &Spec, int NetworkNamespace,
        std::function<void()> OnExit, llvm::raw_ostream *Forward);
  /// Kills the sandbox if it still runs.
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess &) = delete;
  SandboxProcess &operator=(const SandboxProcess &) = delete;

  /// The bwrap process, parent of everything in the sandbox.
  pid_t pid() const { return Pid; }
  /// Ends the sandbox (SIGKILL) and waits for it.
  void kill();
  /// The wait status once it ended.
  std::optional<int> waitStatus() const;
  /// The last bytes (at most 64 KiB) the function wrote, whole lines.
  std::string logTail() const;

private:
  SandboxProcess() = default;
  void monitor();
  void append(llvm::StringRef Bytes);

  pid_t Pid = -1;
  int Output = -1; // read end of the stdout+stderr pipe
  std::function<void()> OnExit;
  llvm::raw_ostream *Forward = nullptr;
  std::thread Monitor;
  mutable std::mutex Mutex;
  std::string Log;
  std::optional<int> Status;
};

} // namespace brisk

#endif
