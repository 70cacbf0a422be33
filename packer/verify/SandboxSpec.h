//===- SandboxSpec.h - What verify's sandbox is made of -------------------===//
//
// The file system, environment, command and limits of one execution
// environment, as plain data, and the bubblewrap command line that builds it.
// Everything the sandbox can see is listed here: nothing of the host is
// visible unless a mount names it.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_SANDBOXSPEC_H
#define BRISK_PACKER_VERIFY_SANDBOXSPEC_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace brisk {

struct SandboxMount {
  enum Kind {
    ReadOnlyBind, // host Source at Target, read-only
    Symlink,      // a symlink at Target whose text is Source
    Tmpfs,        // an empty tmpfs at Target, read-only unless Writable
  };
  Kind What = ReadOnlyBind;
  std::string Source;
  std::string Target;
  /// Tmpfs only: its size limit in bytes (0: the kernel's default) and
  /// whether the function may write to it.
  uint64_t Bytes = 0;
  bool Writable = false;
};

struct SandboxSpec {
  /// Applied in order: a later mount may sit inside an earlier one.
  std::vector<SandboxMount> Mounts;
  /// The whole environment of the command: nothing is inherited.
  std::vector<std::pair<std::string, std::string>> Environment;
  /// argv of the runtime, an absolute path inside the sandbox first.
  std::vector<std::string> Command;
  std::string WorkingDirectory = "/var/task";
  /// The uid and gid the function runs as inside, Lambda's sbx_user1051.
  unsigned Uid = 993, Gid = 990;
  /// RLIMIT_NOFILE and RLIMIT_NPROC, Lambda's 1,024 each.
  unsigned MaxFiles = 1024, MaxProcesses = 1024;
};

/// bwrap's arguments (without "bwrap" itself) for \p Spec: new user, pid,
/// IPC, UTS and cgroup namespaces, /proc and /dev of their own, the mounts,
/// a read-only root,
/// the sandbox dying with its parent, then the command. The network
/// namespace is the caller's business (LoopbackNetwork.h).
std::vector<std::string> bubblewrapArguments(const SandboxSpec &Spec);

} // namespace brisk

#endif
