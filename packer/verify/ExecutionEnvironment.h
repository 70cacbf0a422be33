//===- ExecutionEnvironment.h - One function's local Lambda environment ---===//
//
// What verify and invoke share: a function's zip unpacked to a fresh
// /var/task and its layers, in order, to /opt; the runtime's base image (or
// its emulation, for a managed runtime); the Runtime API emulator on a
// loopback-only network; the sandbox with Lambda's environment and limits;
// and, on request, the watch for files the function opens. The environment
// stays warm across invocations, as Lambda's does, until shutdown.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_EXECUTIONENVIRONMENT_H
#define BRISK_PACKER_VERIFY_EXECUTIONENVIRONMENT_H

#include "verify/ManifestReader.h"
#include "verify/OpenWatcher.h"
#include "verify/ResourceSampler.h"
#include "verify/RuntimeApiEmulator.h"
#include "verify/SandboxProcess.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace brisk {

/// Lambda's limit on the init phase of an on-demand environment.
constexpr std::chrono::seconds InitLimit{10};

struct EnvironmentOptions {
  std::string RulesDir;
  unsigned MemoryMb = 128;
  /// The function's timeout, per invocation.
  std::chrono::milliseconds Timeout{3000};
  /// Bind the host's /usr, /lib, /lib64 instead of the stand-in.
  bool HostBase = false;
  /// Watch which unpacked files are opened.
  bool WatchOpens = false;
  /// Copy the function's output there as it comes (invoke's stderr).
  llvm::raw_ostream *ForwardLogs = nullptr;
};

class ExecutionEnvironment {
public:
  /// Unpacks and lays out \p Fn. Bad input (an unreadable or hostile zip, an
  /// unknown runtime, no interpreter to emulate one) is an error; warnings
  /// (a zip changed since packing, sonames the host lacks) go to \p Warnings.
  static llvm::Expected<std::unique_ptr<ExecutionEnvironment>>
  create(const ManifestFunction &Fn, const EnvironmentOptions &Options,
         llvm::raw_ostream &Warnings);
  /// Ends the sandbox and removes the unpacked trees.
  ~ExecutionEnvironment();
  ExecutionEnvironment(const ExecutionEnvironment &) = delete;
  ExecutionEnvironment &operator=(const ExecutionEnvironment &) = delete;

  /// Starts the runtime and waits for its init, at most InitLimit. An error
  /// only when the sandbox cannot be started at all.
  llvm::Expected<RuntimeAnswer> init();
  /// Delivers invocation number \p Index (from 1) of \p Payload and waits
  /// for the answer, at most the timeout.
  RuntimeAnswer invoke(const std::string &Payload, unsigned Index);
  /// Once the runtime is back in next (frozen, on Lambda), what it holds.
  std::optional<ResourceSample> sampleWhenIdle();
  /// Ends the runtime; the watch, if any, then reads its last events.
  void shutdown();

  /// Why the process ended, worded as Lambda does ("Runtime exited with
  /// error: signal 11 (SIGSEGV)"), or the loader's own message when a
  /// library was missing.
  std::string exitReason() const;
  std::string logTail() const;
  /// The request id of invocation \p Index.
  std::string requestId(unsigned Index) const;

  /// The host interpreter emulating a managed runtime; empty for provided.*.
  const std::string &emulatedWith() const { return EmulatedWith; }
  const OpenWatcher *openWatch() const { return Watch.get(); }

private:
  ExecutionEnvironment() = default;

  EnvironmentOptions Options;
  std::string Name;
  std::string Scratch; // holds task/ and opt/
  std::string EmulatedWith;
  std::string EntrypointProblem;
  SandboxSpec Spec;
  std::unique_ptr<RuntimeApiEmulator> Emulator;
  std::unique_ptr<OpenWatcher> Watch;
  std::unique_ptr<SandboxProcess> Sandbox;
};

} // namespace brisk

#endif
