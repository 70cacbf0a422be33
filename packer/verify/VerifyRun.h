//===- VerifyRun.h - brisk-pack verify OUT_DIR ----------------------------===//

#ifndef BRISK_PACKER_VERIFY_VERIFYRUN_H
#define BRISK_PACKER_VERIFY_VERIFYRUN_H

#include "verify/RunRequest.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

struct VerifyRequest : RunRequest {
  std::string Function; // empty: every function in the manifest
  std::string ExpectFile;
  std::string ReportFile;
  unsigned Invocations = 20;
};

/// Verifies the functions of Request.OutDir, printing each verdict to \p Out
/// and warnings and errors to \p Err.
VerifyExit runVerify(const VerifyRequest &Request, llvm::raw_ostream &Out,
                     llvm::raw_ostream &Err);

} // namespace brisk

#endif
