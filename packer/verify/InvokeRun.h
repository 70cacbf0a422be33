//===- InvokeRun.h - brisk-pack invoke OUT_DIR NAME -----------------------===//
//
// Like `sam local invoke` without Docker: one function in verify's sandbox,
// the event delivered N times to the same warm environment, each answer on
// its own line of stdout, the function's logs and Lambda-style REPORT lines
// on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_INVOKERUN_H
#define BRISK_PACKER_VERIFY_INVOKERUN_H

#include "verify/RunRequest.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

struct InvokeRequest : RunRequest {
  std::string Function;
  unsigned Count = 1;
};

VerifyExit runInvoke(const InvokeRequest &Request, llvm::raw_ostream &Out,
                     llvm::raw_ostream &Err);

} // namespace brisk

#endif
