//===- LockRegions.h - Where a function holds a mutex lock ----------------===//
//
// A lock guard (std::lock_guard, std::unique_lock, std::scoped_lock, ...)
// declared in a block holds its mutex until the block ends; m.lock() on a
// mutex, or pthread_mutex_lock(&m), holds it until the matching unlock in
// the same block. The walker asks after each statement of a block whether
// the lock depth changed; writes and calls record whether a lock is held.
// A std::unique_lock built with std::defer_lock holds nothing; a user class
// whose constructor locks a mutex is a guard too.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_LOCKREGIONS_H
#define BRISK_ANALYZER_EXTRACT_LOCKREGIONS_H

#include "extract/FunctionContext.h"

namespace brisk {

class LockRegions {
public:
  explicit LockRegions(FunctionContext &F) : F(F) {}

  /// Updates F.LockDepth for a statement of a block just walked.
  void afterStatement(const clang::Stmt *S);

private:
  bool isLockGuardVar(const clang::VarDecl *VD) const;
  /// Whether S locks a mutex (a guard class's constructor body).
  bool locksIn(const clang::Stmt *S) const;
  /// +1 for a call that locks, -1 for one that unlocks, else 0.
  int lockEffect(const clang::CallExpr *CE) const;

  FunctionContext &F;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_LOCKREGIONS_H
