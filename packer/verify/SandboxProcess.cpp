//===- SandboxProcess.cpp - The running bubblewrap sandbox ----------------===//

#include "verify/SandboxProcess.h"
#include "verify/SystemError.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static constexpr size_t LogTailBytes = 64 * 1024;

std::string describeExit(int WaitStatus) {
  int Signal = 0;
  if (WIFSIGNALED(WaitStatus))
    Signal = WTERMSIG(WaitStatus);
  else if (WIFEXITED(WaitStatus) && WEXITSTATUS(WaitStatus) > 128 &&
           WEXITSTATUS(WaitStatus) - 128 < NSIG)
    Signal = WEXITSTATUS(WaitStatus) - 128;
  if (!Signal)
    return "exit status " + std::to_string(WEXITSTATUS(WaitStatus));
  const char *Abbrev = sigabbrev_np(Signal);
  return "signal " + std::to_string(Signal) +
         (Abbrev ? std::string(" (SIG") + Abbrev + ")" : std::string());
}

bool sandboxCanReach(StringRef Path) {
  if (geteuid() != 0)
    return true;
  SmallString<256> Real;
  if (sys::fs::real_path(Path, Real))
    return false;
  struct stat St;
  if (stat(Real.c_str(), &St) != 0 ||
      !(St.st_mode & (S_ISDIR(St.st_mode) ? S_IXOTH : S_IROTH)))
    return false;
  for (StringRef Dir = sys::path::parent_path(Real); !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    if (stat(Dir.str().c_str(), &St) != 0 || !(St.st_mode & S_IXOTH))
      return false;
    if (Dir == "/")
      break;
  }
  return true;
}

namespace {
/// NUL-terminated copies for execve, made before fork: the child of a
/// multithreaded process may only make async-signal-safe calls.
struct CStrings {
  std::vector<std::string> Storage;
  std::vector<char *> Pointers;
  void add(std::string S) { Storage.push_back(std::move(S)); }
  char **get() {
    Pointers.clear();
    for (std::string &S : Storage)
      Pointers.push_back(S.data());
    Pointers.push_back(nullptr);
    return Pointers.data();
  }
};
} // namespace

Expected<std::unique_ptr<SandboxProcess>>
SandboxProcess::start(const SandboxSpec &Spec, int NetworkNamespace,
                      std::function<void()> OnExit, raw_ostream *Forward) {
  ErrorOr<std::string> Bwrap = sys::findProgramByName("bwrap");
  if (!Bwrap)
    return createStringError(
        "bubblewrap (bwrap) is not on PATH; install Debian's bubblewrap");

  CStrings Argv, Envp;
  Argv.add(*Bwrap);
  for (std::string &Arg : bubblewrapArguments(Spec))
    Argv.add(std::move(Arg));
  // bwrap passes its own environment to the command: make it exactly the
  // function's.
  for (const auto &[Name, Value] : Spec.Environment)
    Envp.add(Name + "=" + Value);
  char **ArgvP = Argv.get(), **EnvpP = Envp.get();

  int Pipe[2];
  if (pipe2(Pipe, O_CLOEXEC) != 0)
    return systemError("cannot create a pipe for the sandbox's output");
  int DevNull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (DevNull < 0) {
    close(Pipe[0]);
    close(Pipe[1]);
    return systemError("cannot open /dev/null");
  }
  bool Root = geteuid() == 0;
  struct rlimit Files = {Spec.MaxFiles, Spec.MaxFiles};
  struct rlimit Processes = {Spec.MaxProcesses, Spec.MaxProcesses};
  struct rlimit NoCore = {0, 0};
  uid_t Uid = Spec.Uid;
  gid_t Gid = Spec.Gid;

  pid_t Child = fork();
  if (Child < 0) {
    close(Pipe[0]);
    close(Pipe[1]);
    close(DevNull);
    return systemError("cannot fork the sandbox");
  }
  if (Child == 0) {
    // Async-signal-safe calls only from here to execve.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (NetworkNamespace >= 0 && setns(NetworkNamespace, CLONE_NEWNET) != 0)
      _exit(125);
    // Root's processes are exempt from RLIMIT_NPROC, and a user namespace
    // mapped onto root would be too: run bwrap as Lambda's unprivileged
    // user so that its user namespace is the sandbox's own.
    if (Root && (setgroups(0, nullptr) != 0 || setresgid(Gid, Gid, Gid) != 0 ||
                 setresuid(Uid, Uid, Uid) != 0))
      _exit(125);
    if (setrlimit(RLIMIT_NOFILE, &Files) != 0 ||
        setrlimit(RLIMIT_NPROC, &Processes) != 0 ||
        setrlimit(RLIMIT_CORE, &NoCore) != 0)
      _exit(125);
    if (dup2(DevNull, 0) < 0 || dup2(Pipe[1], 1) < 0 || dup2(Pipe[1], 2) < 0)
      _exit(125);
    close_range(3, ~0U, 0);
    execve(ArgvP[0], ArgvP, EnvpP);
    _exit(127);
  }
  close(Pipe[1]);
  close(DevNull);

  std::unique_ptr<SandboxProcess> P(new SandboxProcess());
  P->Pid = Child;
  P->Output = Pipe[0];
  P->OnExit = std::move(OnExit);
  P->Forward = Forward;
  P->Monitor = std::thread([Self = P.get()] { Self->monitor(); });
  return P;
}

void SandboxProcess::append(StringRef Bytes) {
  if (Forward) {
    *Forward << Bytes;
    Forward->flush();
  }
  std::lock_guard<std::mutex> Lock(Mutex);
  Log.append(Bytes.data(), Bytes.size());
  // Keep twice the tail so trimming happens rarely.
  if (Log.size() > 2 * LogTailBytes)
    Log.erase(0, Log.size() - LogTailBytes);
}

void SandboxProcess::monitor() {
  char Buffer[16 * 1024];
  bool Open = true;
  std::optional<int> Ended;
  // Read output until the sandbox has ended and its output is drained: the
  // loader's last words are written just before the process exits.
  while (Open) {
    struct pollfd P = {Output, POLLIN, 0};
    int Ready = poll(&P, 1, 20);
    if (Ready > 0) {
      ssize_t N = read(Output, Buffer, sizeof(Buffer));
      if (N > 0)
        append(StringRef(Buffer, N));
      else if (N == 0 || errno != EINTR)
        Open = false;
    }
    if (!Ended) {
      int WaitStatus = 0;
      if (waitpid(Pid, &WaitStatus, WNOHANG) == Pid)
        Ended = WaitStatus;
    }
  }
  if (!Ended) {
    int WaitStatus = 0;
    while (waitpid(Pid, &WaitStatus, 0) < 0 && errno == EINTR)
      ;
    Ended = WaitStatus;
  }
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Status = Ended;
  }
  if (OnExit)
    OnExit();
}

void SandboxProcess::kill() {
  if (!waitStatus())
    ::kill(Pid, SIGKILL);
  if (Monitor.joinable())
    Monitor.join();
}

SandboxProcess::~SandboxProcess() {
  kill();
  close(Output);
}

std::optional<int> SandboxProcess::waitStatus() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Status;
}

std::string SandboxProcess::logTail() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Log.size() <= LogTailBytes)
    return Log;
  std::string Tail = Log.substr(Log.size() - LogTailBytes);
  size_t LineStart = Tail.find('\n');
  return LineStart == std::string::npos ? Tail : Tail.substr(LineStart + 1);
}

} // namespace brisk
