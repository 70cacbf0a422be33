//===- OpenWatcher.h - Which unpacked files the function opened -----------===//
//
// inotify watches (IN_OPEN) on every folder of the unpacked /var/task and
// /opt trees, read by a thread while the function runs, so verify can list
// the files no invocation opened: pruning candidates, never removed (a code
// path the event did not take may need them). The watches sit on the host's
// folders; bind mounts share their inodes, so the sandbox's opens are seen.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_OPENWATCHER_H
#define BRISK_PACKER_VERIFY_OPENWATCHER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace brisk {

struct WatchedTree {
  std::string HostRoot;    // where it is unpacked
  std::string SandboxRoot; // where the function sees it: /var/task, /opt
};

struct UnopenedFile {
  std::string Path; // as the function sees it, /var/task/lib/libfoo.so
  uint64_t Bytes = 0;
};

class OpenWatcher {
public:
  /// Watches every folder of \p Trees (symlinks are not followed).
  static llvm::Expected<std::unique_ptr<OpenWatcher>>
  watch(llvm::ArrayRef<WatchedTree> Trees);
  ~OpenWatcher();
  OpenWatcher(const OpenWatcher &) = delete;
  OpenWatcher &operator=(const OpenWatcher &) = delete;

  /// Stops watching after reading every event already queued.
  void stop();
  /// After stop(): the regular files never opened, sorted by path.
  std::vector<UnopenedFile> unopened() const;
  /// The kernel dropped events (its queue overflowed): unopened() is not
  /// to be trusted.
  bool overflowed() const { return Overflowed; }

private:
  OpenWatcher() = default;
  void read(bool Drain);

  int Inotify = -1;
  int StopPipe[2] = {-1, -1};
  std::thread Reader;
  std::map<int, std::string> FolderOfWatch; // sandbox path of each folder
  std::map<std::string, uint64_t> Files;    // sandbox path -> bytes
  mutable std::mutex Mutex;
  std::set<std::string> Opened;
  std::atomic<bool> Overflowed{false};
  bool Stopped = false;
};

} // namespace brisk

#endif
