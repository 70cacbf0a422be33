//===- SystemError.cpp - A failed system call as llvm::Error --------------===//

#include "verify/SystemError.h"

using namespace llvm;

namespace brisk {

Error systemError(const Twine &What) {
  std::error_code EC = errnoAsErrorCode();
  return createStringError(EC, What + ": " + EC.message());
}

} // namespace brisk
