//===- SystemError.h - A failed system call as llvm::Error ----------------===//

#ifndef BRISK_PACKER_VERIFY_SYSTEMERROR_H
#define BRISK_PACKER_VERIFY_SYSTEMERROR_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

namespace brisk {

/// "What: <strerror(errno)>", carrying errno as its error code. Call it
/// right after the failing call, before anything can change errno.
llvm::Error systemError(const llvm::Twine &What);

} // namespace brisk

#endif
