//===- SandboxSpec.cpp - What verify's sandbox is made of -----------------===//

#include "verify/SandboxSpec.h"

namespace brisk {

std::vector<std::string> bubblewrapArguments(const SandboxSpec &Spec) {
  std::vector<std::string> Args = {
      "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
      "--unshare-cgroup-try", "--hostname", "localhost", "--uid",
      std::to_string(Spec.Uid), "--gid", std::to_string(Spec.Gid),
      // The sandbox must never outlive brisk-pack, and must not reach the
      // terminal it was started from.
      "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"};
  for (const SandboxMount &M : Spec.Mounts) {
    switch (M.What) {
    case SandboxMount::ReadOnlyBind:
      Args.insert(Args.end(), {"--ro-bind", M.Source, M.Target});
      break;
    case SandboxMount::Symlink:
      Args.insert(Args.end(), {"--symlink", M.Source, M.Target});
      break;
    case SandboxMount::Tmpfs:
      if (M.Bytes)
        Args.insert(Args.end(), {"--size", std::to_string(M.Bytes)});
      // tmpfs is created 0755 owned by the sandbox's root; the function's
      // user must be able to write to its /tmp.
      Args.insert(Args.end(), {"--perms", M.Writable ? "1777" : "0755",
                               "--tmpfs", M.Target});
      if (!M.Writable)
        Args.insert(Args.end(), {"--remount-ro", M.Target});
      break;
    }
  }
  // Lambda's file system is read-only outside /tmp.
  Args.insert(Args.end(),
              {"--remount-ro", "/", "--chdir", Spec.WorkingDirectory, "--"});
  Args.insert(Args.end(), Spec.Command.begin(), Spec.Command.end());
  return Args;
}

} // namespace brisk
