//===- OpenWatcher.cpp - Which unpacked files the function opened ---------===//

#include "verify/OpenWatcher.h"
#include "verify/SystemError.h"

#include "llvm/Support/FileSystem.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

Expected<std::unique_ptr<OpenWatcher>>
OpenWatcher::watch(ArrayRef<WatchedTree> Trees) {
  std::unique_ptr<OpenWatcher> W(new OpenWatcher());
  W->Inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (W->Inotify < 0)
    return systemError("cannot start inotify");
  if (pipe2(W->StopPipe, O_CLOEXEC) != 0)
    return systemError("cannot create a pipe");
  for (const WatchedTree &Tree : Trees) {
    auto AddFolder = [&](const std::string &Host,
                         const std::string &Sandbox) -> Error {
      int Wd = inotify_add_watch(W->Inotify, Host.c_str(),
                                 IN_OPEN | IN_ONLYDIR | IN_DONT_FOLLOW);
      if (Wd < 0)
        return systemError("cannot watch " + Host);
      W->FolderOfWatch[Wd] = Sandbox;
      return Error::success();
    };
    if (Error E = AddFolder(Tree.HostRoot, Tree.SandboxRoot))
      return E;
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Tree.HostRoot, EC,
                                                  /*follow_symlinks=*/false),
         End;
         It != End && !EC; It.increment(EC)) {
      StringRef Host = It->path();
      std::string Sandbox =
          Tree.SandboxRoot + Host.drop_front(Tree.HostRoot.size()).str();
      sys::fs::file_status Status;
      if (sys::fs::status(Host, Status, /*follow=*/false))
        continue;
      if (Status.type() == sys::fs::file_type::directory_file) {
        if (Error E = AddFolder(Host.str(), Sandbox))
          return E;
      } else if (Status.type() == sys::fs::file_type::regular_file) {
        W->Files[Sandbox] = Status.getSize();
      }
    }
    if (EC)
      return createStringError(EC, "cannot list " + Tree.HostRoot + ": " +
                                       EC.message());
  }
  W->Reader = std::thread([Self = W.get()] { Self->read(false); });
  return W;
}

void OpenWatcher::read(bool Drain) {
  alignas(struct inotify_event) char Buffer[64 * 1024];
  for (;;) {
    if (!Drain) {
      struct pollfd P[2] = {{Inotify, POLLIN, 0}, {StopPipe[0], POLLIN, 0}};
      if (poll(P, 2, -1) < 0)
        continue;
      if (P[1].revents)
        return;
    }
    ssize_t N = ::read(Inotify, Buffer, sizeof(Buffer));
    if (N <= 0) {
      if (Drain)
        return;
      continue;
    }
    std::lock_guard<std::mutex> Lock(Mutex);
    for (char *At = Buffer; At < Buffer + N;) {
      auto *E = reinterpret_cast<struct inotify_event *>(At);
      At += sizeof(struct inotify_event) + E->len;
      if (E->mask & IN_Q_OVERFLOW)
        Overflowed = true;
      if (!(E->mask & IN_OPEN) || (E->mask & IN_ISDIR) || !E->len)
        continue;
      auto Folder = FolderOfWatch.find(E->wd);
      if (Folder != FolderOfWatch.end())
        Opened.insert(Folder->second + "/" + E->name);
    }
  }
}

void OpenWatcher::stop() {
  if (Stopped)
    return;
  Stopped = true;
  // The reader's poll wakes on the pipe's hang-up.
  close(StopPipe[1]);
  StopPipe[1] = -1;
  Reader.join();
  read(/*Drain=*/true);
}

OpenWatcher::~OpenWatcher() {
  if (Reader.joinable())
    stop();
  for (int Fd : {Inotify, StopPipe[0], StopPipe[1]})
    if (Fd >= 0)
      close(Fd);
}

std::vector<UnopenedFile> OpenWatcher::unopened() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  std::vector<UnopenedFile> Out;
  for (const auto &[Path, Bytes] : Files)
    if (!Opened.count(Path))
      Out.push_back({Path, Bytes});
  return Out;
}

} // namespace brisk
