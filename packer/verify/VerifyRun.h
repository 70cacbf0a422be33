//===- VerifyRun.h - brisk-pack verify OUT_DIR ----------------------------===//

#ifndef BRISK_PACKER_VERIFY_VERIFYRUN_H
#define BRISK_PACKER_VERIFY_VERIFYRUN_H

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

/// verify's and invoke's exit codes (design.md section 3).
enum VerifyExit { AllAnswered = 0, FunctionFailed = 1, VerifyBadInput = 2 };

struct VerifyRequest {
  std::string OutDir;
  std::string RulesDir;
  std::string Function; // empty: every function in the manifest
  std::string EventSpec;
  std::string ExpectFile;
  std::string ReportFile;
  unsigned Invocations = 20;
  double TimeoutSeconds = 3;
  unsigned MemoryMb = 128;
  bool HostBase = false;
};

/// Verifies the functions of Request.OutDir, printing each verdict to \p Out
/// and warnings and errors to \p Err.
VerifyExit runVerify(const VerifyRequest &Request, llvm::raw_ostream &Out,
                     llvm::raw_ostream &Err);

} // namespace brisk

#endif
