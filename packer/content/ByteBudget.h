//===- ByteBudget.h - Bound the bytes held in memory at once --------------===//
//
// Stripping holds a file in memory (mapped in, rewritten out). Threads that
// strip at once must not together hold more than a small multiple of the
// largest file, whatever -j is: each takes its file's size from the budget
// before it starts and gives it back when done. A file larger than the whole
// budget runs alone.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_CONTENT_BYTEBUDGET_H
#define BRISK_PACKER_CONTENT_BYTEBUDGET_H

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace brisk {

class ByteBudget {
public:
  explicit ByteBudget(uint64_t Capacity) : Capacity(Capacity) {}

  /// Blocks until \p Bytes fit beside what others hold (or nothing is held).
  void acquire(uint64_t Bytes) {
    std::unique_lock<std::mutex> Lock(M);
    Freed.wait(Lock, [&] { return Held == 0 || Held + Bytes <= Capacity; });
    Held += Bytes;
  }
  void release(uint64_t Bytes) {
    {
      std::lock_guard<std::mutex> Lock(M);
      Held -= Bytes;
    }
    Freed.notify_all();
  }

private:
  std::mutex M;
  std::condition_variable Freed;
  uint64_t Capacity;
  uint64_t Held = 0;
};

/// Holds \p Bytes of \p Budget for its lifetime.
class HeldBytes {
public:
  HeldBytes(ByteBudget &Budget, uint64_t Bytes) : Budget(Budget), Bytes(Bytes) {
    Budget.acquire(Bytes);
  }
  ~HeldBytes() { Budget.release(Bytes); }
  HeldBytes(const HeldBytes &) = delete;
  HeldBytes &operator=(const HeldBytes &) = delete;

private:
  ByteBudget &Budget;
  uint64_t Bytes;
};

} // namespace brisk

#endif
