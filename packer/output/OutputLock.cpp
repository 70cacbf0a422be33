//===- OutputLock.cpp - One brisk-pack run per OUT_DIR at a time ----------===//

#include "output/OutputLock.h"

#include "llvm/ADT/Twine.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static Error lockError(int Errno, const Twine &What) {
  std::error_code EC(Errno, std::generic_category());
  return createStringError(EC, What + ": " + EC.message());
}

Expected<OutputLock> OutputLock::acquire(StringRef LockPath, StringRef OutDir) {
  std::string Path = LockPath.str();
  // The holder removes the file before releasing it, so a lock taken on a
  // file that is no longer at Path protects nothing: try again on the new
  // one. Each round means another run finished meanwhile; a few suffice.
  for (int Attempt = 0; Attempt < 16; ++Attempt) {
    int FD = ::open(Path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (FD < 0)
      return lockError(errno, "cannot create the lock file '" + Path + "'");
    if (::flock(FD, LOCK_EX | LOCK_NB) != 0) {
      int Errno = errno;
      ::close(FD);
      if (Errno == EWOULDBLOCK)
        return createStringError(
            "another brisk-pack run is writing '" + OutDir + "' (it holds '" +
            Path + "'): wait for it to finish or use another output folder");
      return lockError(Errno, "cannot lock '" + Path + "'");
    }
    struct stat Held, Named;
    if (::fstat(FD, &Held) == 0 && ::stat(Path.c_str(), &Named) == 0 &&
        Held.st_dev == Named.st_dev && Held.st_ino == Named.st_ino)
      return OutputLock(Path, FD);
    ::close(FD);
  }
  return createStringError("cannot lock '" + Path +
                           "': it keeps being replaced");
}

OutputLock::OutputLock(OutputLock &&Other)
    : Path(std::move(Other.Path)), FD(Other.FD) {
  Other.FD = -1;
}

OutputLock::~OutputLock() {
  if (FD < 0)
    return;
  ::unlink(Path.c_str());
  ::close(FD);
}

} // namespace brisk
