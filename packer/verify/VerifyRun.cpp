//===- VerifyRun.cpp - brisk-pack verify OUT_DIR --------------------------===//

#include "verify/VerifyRun.h"
#include "verify/FunctionVerification.h"
#include "verify/VerifyReport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace brisk {

/// Writes the report next to its place and renames it, so that FILE is
/// never half-written.
static Error writeReport(StringRef Path, StringRef Text) {
  SmallString<256> Temp;
  int Fd;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", Fd, Temp))
    return createStringError(EC, Path + ": cannot write: " + EC.message());
  {
    raw_fd_ostream OS(Fd, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      sys::fs::remove(Temp);
      return createStringError(
          OS.error(), Path + ": cannot write: " + OS.error().message());
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    sys::fs::remove(Temp);
    return createStringError(EC, Path + ": cannot write: " + EC.message());
  }
  return Error::success();
}

VerifyExit runVerify(const VerifyRequest &Request, raw_ostream &Out,
                     raw_ostream &Err) {
  if (Request.Invocations == 0)
    return reportBadInput(
        Err, createStringError("--invocations must be at least 1"));
  Expected<RunInputs> In = loadRunInputs(Request);
  if (!In)
    return reportBadInput(Err, In.takeError());
  In->Environment.WatchOpens = true;
  std::vector<ManifestFunction> &Functions = In->Functions;
  if (!Request.Function.empty()) {
    Expected<ManifestFunction> One =
        selectFunction(Functions, Request.Function, Request.OutDir);
    if (!One)
      return reportBadInput(Err, One.takeError());
    Functions = {*One};
  }
  const Event &Payload = In->Payload;

  VerifySettings Settings;
  Settings.Invocations = Request.Invocations;
  Settings.Limits.MemoryBytes = uint64_t(Request.MemoryMb) << 20;
  if (!Request.ExpectFile.empty()) {
    auto Buffer = MemoryBuffer::getFile(Request.ExpectFile, /*IsText=*/true);
    if (!Buffer)
      return reportBadInput(
          Err, createStringError(Buffer.getError(),
                                 Request.ExpectFile + ": cannot read: " +
                                     Buffer.getError().message()));
    Settings.Expected = (*Buffer)->getBuffer().str();
    Settings.ExpectFile = Request.ExpectFile;
  }
  if (Request.HostBase)
    Err << "brisk-pack: warning: --host-base: the host's /usr, /lib and "
           "/lib64 are in the sandbox; they can supply files the package "
           "lacks (dlopen'd modules, gconv modules, data files) and hide what "
           "would fail on Lambda\n";

  Out << formatv("brisk-pack verify: {0} function{1}, event {2}, {3} "
                 "invocation{4} each\n",
                 Functions.size(), Functions.size() == 1 ? "" : "s",
                 Payload.Label, Request.Invocations,
                 Request.Invocations == 1 ? "" : "s");
  std::vector<FunctionVerdict> Verdicts;
  for (const ManifestFunction &Fn : Functions) {
    Expected<FunctionVerdict> V =
        verifyFunction(Fn, Payload, In->Environment, Settings, Err);
    if (!V)
      return reportBadInput(Err, V.takeError());
    printVerdict(*V, Out);
    Verdicts.push_back(std::move(*V));
  }
  size_t Passed =
      count_if(Verdicts, [](const FunctionVerdict &V) { return V.Passed; });
  Out << formatv("brisk-pack verify: {0} of {1} functions passed\n", Passed,
                 Verdicts.size());
  if (!Request.ReportFile.empty())
    if (Error E = writeReport(
            Request.ReportFile,
            renderVerifyReport(Verdicts, Payload, Request.Invocations)))
      return reportBadInput(Err, std::move(E));
  return Passed == Verdicts.size() ? AllAnswered : FunctionFailed;
}

} // namespace brisk
