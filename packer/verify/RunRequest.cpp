//===- RunRequest.cpp - What verify and invoke are asked and start from ---===//

#include "verify/RunRequest.h"

#include <cmath>

using namespace llvm;

namespace brisk {

Expected<RunInputs> loadRunInputs(const RunRequest &Request) {
  if (!(Request.TimeoutSeconds > 0 && Request.TimeoutSeconds <= 900))
    return createStringError("--timeout must be more than 0 and at most 900 "
                             "seconds, as on Lambda");
  if (Request.MemoryMb < 128 || Request.MemoryMb > 10240)
    return createStringError("--memory must be 128 to 10240 MB, as on Lambda");
  RunInputs In;
  In.Environment.RulesDir = Request.RulesDir;
  In.Environment.Timeout = std::chrono::milliseconds(
      int64_t(std::llround(Request.TimeoutSeconds * 1000)));
  In.Environment.MemoryMb = Request.MemoryMb;
  In.Environment.HostBase = Request.HostBase;
  Expected<std::vector<ManifestFunction>> Functions =
      readManifest(Request.OutDir);
  if (!Functions)
    return Functions.takeError();
  In.Functions = std::move(*Functions);
  Expected<Event> Payload = loadEvent(Request.RulesDir, Request.EventSpec);
  if (!Payload)
    return Payload.takeError();
  In.Payload = std::move(*Payload);
  return In;
}

VerifyExit reportBadInput(raw_ostream &Err, Error E) {
  Err << "brisk-pack: error: " << toString(std::move(E)) << "\n";
  return VerifyBadInput;
}

} // namespace brisk
