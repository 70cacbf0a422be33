//===- RunRequest.h - What verify and invoke are asked and start from -----===//

#ifndef BRISK_PACKER_VERIFY_RUNREQUEST_H
#define BRISK_PACKER_VERIFY_RUNREQUEST_H

#include "verify/EventLibrary.h"
#include "verify/ExecutionEnvironment.h"
#include "verify/ManifestReader.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace brisk {

/// verify's and invoke's exit codes (design.md section 3).
enum VerifyExit { AllAnswered = 0, FunctionFailed = 1, VerifyBadInput = 2 };

/// The options verify and invoke share.
struct RunRequest {
  std::string OutDir;
  std::string RulesDir;
  std::string EventSpec = DefaultEventName;
  double TimeoutSeconds = 3;
  unsigned MemoryMb = 128;
  bool HostBase = false;
};

/// What both commands start from, checked.
struct RunInputs {
  EnvironmentOptions Environment;
  std::vector<ManifestFunction> Functions;
  Event Payload;
};

/// Checks --timeout (Lambda's 0 to 900 seconds) and --memory (Lambda's 128
/// to 10,240 MB), reads OUT_DIR's manifest and the event.
llvm::Expected<RunInputs> loadRunInputs(const RunRequest &Request);

/// Prints "brisk-pack: error: ..." and returns VerifyBadInput.
VerifyExit reportBadInput(llvm::raw_ostream &Err, llvm::Error E);

} // namespace brisk

#endif
