//===- InvokeRun.cpp - brisk-pack invoke OUT_DIR NAME ---------------------===//

#include "verify/InvokeRun.h"
#include "verify/FunctionVerification.h"

#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace brisk {

VerifyExit runInvoke(const InvokeRequest &Request, raw_ostream &Out,
                     raw_ostream &Err) {
  auto BadInput = [&](Error E) { return reportBadInput(Err, std::move(E)); };
  if (Request.Count == 0)
    return BadInput(createStringError("-n must be at least 1"));
  Expected<RunInputs> In = loadRunInputs(Request);
  if (!In)
    return BadInput(In.takeError());
  // The function's logs are written from the sandbox's monitor thread: give
  // them their own stream on stderr rather than share Err across threads.
  raw_fd_ostream Logs(2, /*shouldClose=*/false, /*unbuffered=*/true);
  In->Environment.ForwardLogs = &Logs;
  Expected<ManifestFunction> Fn =
      selectFunction(In->Functions, Request.Function, Request.OutDir);
  if (!Fn)
    return BadInput(Fn.takeError());
  const Event &Payload = In->Payload;
  Expected<std::unique_ptr<ExecutionEnvironment>> Env =
      ExecutionEnvironment::create(*Fn, In->Environment, Err);
  if (!Env)
    return BadInput(Env.takeError());
  ExecutionEnvironment &E = **Env;
  if (!E.emulatedWith().empty())
    Err << "brisk-pack: invoke: emulating AWS's " << Fn->Runtime
        << " runtime with the host's " << E.emulatedWith() << "\n";

  auto Failed = [&](const Twine &Why) {
    Err.flush();
    Err << "brisk-pack: invoke: " << Fn->Name << ": " << Why << "\n";
    return FunctionFailed;
  };
  Expected<RuntimeAnswer> Init = E.init();
  if (!Init)
    return BadInput(Init.takeError());
  if (Init->Event == RuntimeEvent::InitError)
    return Failed("init error: " + describeFunctionError(*Init));
  if (Init->Event == RuntimeEvent::TimedOut)
    return Failed(
        formatv("init did not finish within {0} seconds", InitLimit.count()));
  if (Init->Event != RuntimeEvent::Ready)
    return Failed(E.exitReason());

  for (unsigned I = 1; I <= Request.Count; ++I) {
    RuntimeAnswer A = E.invoke(Payload.Payload, I);
    if (A.Event == RuntimeEvent::TimedOut)
      return Failed(formatv("Task timed out after {0:F2} seconds",
                            In->Environment.Timeout.count() / 1000.0));
    if (A.Event != RuntimeEvent::Response && A.Event != RuntimeEvent::Error)
      return Failed(E.exitReason());
    Out << A.Body << "\n";
    Out.flush();
    std::optional<ResourceSample> S = E.sampleWhenIdle();
    Err << formatv("REPORT RequestId: {0}\tDuration: {1:F2} ms\tMemory Size: "
                   "{2} MB\tMax Memory Used: {3} MB",
                   E.requestId(I), A.Milliseconds, Request.MemoryMb,
                   S ? (S->ResidentBytes + (1 << 20) - 1) >> 20 : 0);
    if (I == 1)
      Err << formatv("\tInit Duration: {0:F2} ms", Init->Milliseconds);
    Err << "\n";
    if (A.Event == RuntimeEvent::Error)
      return Failed("the function returned an error: " +
                    describeFunctionError(A));
  }
  return AllAnswered;
}

} // namespace brisk
