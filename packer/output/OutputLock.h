//===- OutputLock.h - One brisk-pack run per OUT_DIR at a time ------------===//
//
// An exclusive flock(2) on a lock file beside OUT_DIR (OUT_DIR itself is
// replaced whole, so it cannot hold the lock). A second run into the same
// OUT_DIR is refused instead of waiting: two builds writing one output is a
// mistake in the build, not something to serialise silently.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_OUTPUT_OUTPUTLOCK_H
#define BRISK_PACKER_OUTPUT_OUTPUTLOCK_H

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

class OutputLock {
public:
  /// Locks \p LockPath, creating it. Fails at once, naming \p OutDir, when
  /// another process holds it.
  static llvm::Expected<OutputLock> acquire(llvm::StringRef LockPath,
                                            llvm::StringRef OutDir);
  OutputLock(OutputLock &&Other);
  OutputLock &operator=(OutputLock &&) = delete;
  OutputLock(const OutputLock &) = delete;
  /// Removes the lock file while still holding the lock, then releases it.
  ~OutputLock();

private:
  OutputLock(std::string Path, int FD) : Path(std::move(Path)), FD(FD) {}
  std::string Path;
  int FD = -1;
};

} // namespace brisk

#endif
