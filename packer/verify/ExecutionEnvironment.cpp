//===- ExecutionEnvironment.cpp - One function's local Lambda environment -===//

#include "verify/ExecutionEnvironment.h"
#include "elf/RuntimeProfile.h"
#include "plan/Limits.h"
#include "verify/BaseImage.h"
#include "verify/CodeSha256.h"
#include "verify/LambdaEnvironment.h"
#include "verify/ManagedRuntime.h"
#include "verify/RuntimeLaunch.h"
#include "verify/SystemError.h"
#include "verify/ZipUnpacker.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

/// Lambda has no file-count limit; this bounds what a hostile zip of empty
/// entries can make verify create.
static constexpr uint64_t MaxUnpackedEntries = 500000;

/// Scratch folders must be traversable by the sandbox's unprivileged user.
static Error makeFolder(const std::string &Path) {
  if (mkdir(Path.c_str(), 0755) != 0 && errno != EEXIST)
    return systemError("cannot create " + Path);
  if (chmod(Path.c_str(), 0755) != 0)
    return systemError("cannot set the mode of " + Path);
  return Error::success();
}

/// Writes \p Text to a new file at \p Path that the sandbox's user can read.
static Error writeReadable(const std::string &Path, StringRef Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (!EC) {
    OS << Text;
    OS.close();
    EC = OS.error();
  }
  if (EC || chmod(Path.c_str(), 0644) != 0)
    return createStringError(EC, "cannot write " + Path);
  return Error::success();
}

/// Copies the regular files of \p From into a new folder \p To.
static Error copyFolder(const std::string &From, const std::string &To) {
  if (Error E = makeFolder(To))
    return E;
  std::error_code EC;
  for (sys::fs::directory_iterator It(From, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (!sys::fs::is_regular_file(It->path()))
      continue;
    std::string Copy = To + "/" + sys::path::filename(It->path()).str();
    if (std::error_code CopyEC = sys::fs::copy_file(It->path(), Copy))
      return createStringError(CopyEC, "cannot copy " + It->path() + ": " +
                                           CopyEC.message());
    chmod(Copy.c_str(), 0644);
  }
  if (EC)
    return createStringError(EC, "cannot read " + From + ": " + EC.message());
  return Error::success();
}

/// A fresh folder for the unpacked trees, in the first of $TMPDIR, /var/tmp
/// and /tmp the sandbox's user can reach (lit and others make private
/// temporary folders).
static Expected<std::string> makeScratchFolder() {
  SmallString<256> Preferred;
  sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Preferred);
  for (StringRef Parent :
       {StringRef(Preferred), StringRef("/var/tmp"), StringRef("/tmp")}) {
    if (!sandboxCanReach(Parent))
      continue;
    SmallString<256> Made;
    if (std::error_code EC =
            sys::fs::createUniqueDirectory(Parent + "/brisk-verify", Made))
      return createStringError(EC, "cannot create a scratch folder in " +
                                       Parent + ": " + EC.message());
    return Made.str().str();
  }
  return createStringError("no temporary folder the sandbox's user can "
                           "reach: $TMPDIR, /var/tmp and /tmp are all "
                           "private");
}

static void warnIfChanged(const std::string &Zip, const std::string &Recorded,
                          raw_ostream &Warnings) {
  if (Recorded.empty())
    return;
  Expected<std::string> Actual = codeSha256(Zip);
  if (!Actual) {
    consumeError(Actual.takeError());
    return;
  }
  if (*Actual != Recorded)
    Warnings << "brisk-pack: warning: " << Zip
             << ": its SHA-256 is not the manifest's code_sha256 (changed "
                "after packing?); verifying the zip as it is\n";
}

Expected<std::unique_ptr<ExecutionEnvironment>>
ExecutionEnvironment::create(const ManifestFunction &Fn,
                             const EnvironmentOptions &Options,
                             raw_ostream &Warnings) {
  std::unique_ptr<ExecutionEnvironment> E(new ExecutionEnvironment());
  E->Options = Options;
  E->Name = Fn.Name;

  Expected<RuntimeProfile> Profile =
      loadRuntimeProfile(Options.RulesDir, Fn.Runtime);
  if (!Profile)
    return createStringError(Fn.Name + ": " + toString(Profile.takeError()));
  Expected<RuntimeLaunch> Launch =
      loadRuntimeLaunch(Options.RulesDir, Fn.Runtime);
  if (!Launch)
    return Launch.takeError();
  Expected<LambdaLimits> Limits = loadLambdaLimits(Options.RulesDir);
  if (!Limits)
    return Limits.takeError();

  Expected<std::string> Scratch = makeScratchFolder();
  if (!Scratch)
    return Scratch.takeError();
  E->Scratch = *Scratch;
  std::string Task = E->Scratch + "/task", Opt = E->Scratch + "/opt";
  for (const std::string &Dir : {E->Scratch, Task, Opt})
    if (Error Err = makeFolder(Dir))
      return Err;

  UnpackBudget Budget{Limits->UnzippedBytesMax, MaxUnpackedEntries};
  warnIfChanged(Fn.Zip, Fn.CodeSha256, Warnings);
  if (Error Err = unpackZip(Fn.Zip, Task, Budget))
    return Err;
  for (const ManifestLayer &Layer : Fn.Layers)
    if (Error Err = unpackZip(Layer.Zip, Opt, Budget))
      return Err;

  Expected<BaseImage> Base =
      Options.HostBase ? hostBaseImage() : standInImage(*Profile);
  if (!Base)
    return Base.takeError();
  for (const std::string &Soname : Base->Missing)
    Warnings << "brisk-pack: warning: " << Fn.Runtime << " provides " << Soname
             << " but this host has no such library; the "
             << "sandbox lacks it\n";
  SandboxSpec &Spec = E->Spec;
  Spec.Mounts = Base->Mounts;
  std::string Etc = E->Scratch + "/etc";
  if (Error Err = makeFolder(Etc))
    return Err;
  for (auto [File, Text] :
       {std::pair{"passwd", lambdaPasswd(Spec.Uid, Spec.Gid)},
        std::pair{"group", lambdaGroup(Spec.Gid)}}) {
    std::string Path = Etc + "/" + File;
    if (Error Err = writeReadable(Path, Text))
      return Err;
    Spec.Mounts.push_back(
        {SandboxMount::ReadOnlyBind, Path, std::string("/etc/") + File});
  }

  if (Launch->isManaged()) {
    // A copy in the scratch folder: the sandbox's user may not reach
    // brisk's own installation.
    std::string Client = E->Scratch + "/runtime";
    if (Error Err = copyFolder(
            runtimeClientFolder(Options.RulesDir, Launch->Language), Client))
      return Err;
    Expected<RuntimeEmulation> Emulation =
        emulateManagedRuntime(*Launch, *Profile, Client, *Base);
    if (!Emulation)
      return createStringError(Fn.Name + ": " +
                               toString(Emulation.takeError()));
    llvm::append_range(Spec.Mounts, Emulation->Mounts);
    Spec.Command = Emulation->Command;
    Spec.Environment = Emulation->Environment;
    E->EmulatedWith = Emulation->Interpreter;
  } else {
    // Lambda runs the bootstrap of the function, else the one of a layer.
    std::string Bootstrap = sys::fs::exists(Task + "/bootstrap")  ? "/var/task"
                            : sys::fs::exists(Opt + "/bootstrap") ? "/opt"
                                                                  : "";
    if (Bootstrap.empty())
      E->EntrypointProblem =
          "Runtime.InvalidEntrypoint: no bootstrap in /var/task or /opt";
    Spec.Command = {(Bootstrap.empty() ? "/var/task" : Bootstrap) +
                    "/bootstrap"};
  }
  Spec.Mounts.push_back({SandboxMount::ReadOnlyBind, Task, "/var/task"});
  Spec.Mounts.push_back({SandboxMount::ReadOnlyBind, Opt, "/opt"});
  // Lambda's /tmp: private, writable, 512 MB.
  Spec.Mounts.push_back({SandboxMount::Tmpfs, "", "/tmp", 512ull << 20, true});

  // As root the emulator gets a loopback-only network namespace that the
  // sandbox joins; otherwise it cannot make one and serves on the host's
  // loopback, which the sandbox then shares.
  bool PrivateNetwork = geteuid() == 0;
  if (!PrivateNetwork)
    Warnings << "brisk-pack: warning: not running as root: the sandbox "
                "shares the host's network and its processes count against "
                "your own process limit\n";
  Expected<std::unique_ptr<RuntimeApiEmulator>> Emulator =
      RuntimeApiEmulator::start(PrivateNetwork);
  if (!Emulator)
    return Emulator.takeError();
  E->Emulator = std::move(*Emulator);

  FunctionSettings Settings;
  Settings.Name = Fn.Name;
  Settings.Handler = Fn.Handler.empty() ? Launch->DefaultHandler : Fn.Handler;
  Settings.RuntimeApi = E->Emulator->endpoint();
  Settings.MemoryMb = Options.MemoryMb;
  Settings.LibraryPath = Profile->LibraryPath;
  std::vector<std::pair<std::string, std::string>> Env =
      lambdaEnvironment(Settings);
  llvm::append_range(Env, Spec.Environment);
  Spec.Environment = std::move(Env);

  if (Options.WatchOpens) {
    Expected<std::unique_ptr<OpenWatcher>> Watch =
        OpenWatcher::watch({{Task, "/var/task"}, {Opt, "/opt"}});
    if (!Watch)
      return Watch.takeError();
    E->Watch = std::move(*Watch);
  }
  return E;
}

ExecutionEnvironment::~ExecutionEnvironment() {
  shutdown();
  Emulator.reset();
  if (!Scratch.empty())
    sys::fs::remove_directories(Scratch);
}

Expected<RuntimeAnswer> ExecutionEnvironment::init() {
  RuntimeAnswer A;
  if (!EntrypointProblem.empty()) {
    A.Event = RuntimeEvent::Exited;
    return A;
  }
  Emulator->runtimeStarting();
  Expected<std::unique_ptr<SandboxProcess>> Process = SandboxProcess::start(
      Spec, Emulator->networkNamespace(),
      [Api = Emulator.get()] { Api->runtimeExited(); }, Options.ForwardLogs);
  if (!Process)
    return Process.takeError();
  Sandbox = std::move(*Process);
  return Emulator->waitForInit(InitLimit);
}

std::string ExecutionEnvironment::requestId(unsigned Index) const {
  // Stable across runs, unique per function and invocation, UUID-shaped as
  // Lambda's are.
  uint64_t Seed = xxh3_64bits(Name);
  return formatv("{0:x-8}-{1:x-4}-4{2:x-3}-8{3:x-3}-{4:x-12}",
                 uint32_t(Seed >> 32), unsigned(Seed >> 16) & 0xffff,
                 unsigned(Seed >> 4) & 0xfff, unsigned(Seed) & 0xfff, Index)
      .str();
}

RuntimeAnswer ExecutionEnvironment::invoke(const std::string &Payload,
                                           unsigned Index) {
  Invocation Event;
  Event.RequestId = requestId(Index);
  Event.Payload = Payload;
  Event.FunctionArn = functionArn(Name);
  Event.TraceId =
      formatv("Root=1-{0:x-8}-{1:x-24};Sampled=0",
              uint32_t(std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count()),
              Index)
          .str();
  return Emulator->invoke(Event, Options.Timeout);
}

std::optional<ResourceSample> ExecutionEnvironment::sampleWhenIdle() {
  // A runtime that does not poll again soon is sampled as it is.
  Emulator->waitForIdle(std::chrono::seconds(1));
  if (!Sandbox)
    return std::nullopt;
  Expected<ResourceSample> S = sampleSandbox(Sandbox->pid());
  if (!S) {
    consumeError(S.takeError());
    return std::nullopt;
  }
  return *S;
}

void ExecutionEnvironment::shutdown() {
  if (Sandbox)
    Sandbox->kill();
  if (Watch)
    Watch->stop();
}

std::string ExecutionEnvironment::exitReason() const {
  if (!EntrypointProblem.empty())
    return EntrypointProblem;
  // The loader's own words name the missing library.
  SmallVector<StringRef, 16> Lines;
  std::string Log = logTail();
  StringRef(Log).split(Lines, '\n', -1, false);
  for (StringRef Line : llvm::reverse(Lines))
    if (Line.contains("error while loading shared libraries"))
      return Line.str();
  // bwrap could not run the entrypoint: no exec bit, or a #! interpreter the
  // image does not have. Lambda calls that an invalid entrypoint.
  if (!Lines.empty())
    if (StringRef Exec = Lines.back(); Exec.consume_front("bwrap: execvp "))
      return ("Runtime.InvalidEntrypoint: " + Exec).str();
  std::optional<int> Status = Sandbox ? Sandbox->waitStatus() : std::nullopt;
  if (!Status)
    return "Runtime exited";
  return "Runtime exited with error: " + describeExit(*Status);
}

std::string ExecutionEnvironment::logTail() const {
  return Sandbox ? Sandbox->logTail() : std::string();
}

} // namespace brisk
