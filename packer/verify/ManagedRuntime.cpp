//===- ManagedRuntime.cpp - Emulating a runtime AWS supplies --------------===//

#include "verify/ManagedRuntime.h"
#include "elf/DependencyResolver.h"
#include "verify/SandboxProcess.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <map>

using namespace llvm;

namespace brisk {

static constexpr const char *LangBin = "/var/lang/bin";
static constexpr const char *LangLib = "/var/lang/lib";
static constexpr const char *RuntimeDir = "/var/runtime";

/// The first of \p Names on PATH that is an ELF executable the sandbox can
/// reach, symlinks followed: wrapper scripts (pyenv's shims, nvm's) are
/// passed over, since only a real interpreter can run without the host
/// around it.
static std::string findInterpreter(ArrayRef<std::string> Names) {
  // A named string: the folders below are StringRefs into it (a conditional
  // with a string literal made a temporary, which the ASan build caught
  // being read after its end).
  std::string Path = sys::Process::GetEnv("PATH").value_or("/usr/bin:/bin");
  SmallVector<StringRef, 16> Dirs;
  StringRef(Path).split(Dirs, ':', -1, false);
  for (const std::string &Name : Names)
    for (StringRef Dir : Dirs) {
      SmallString<256> Candidate(Dir), Real;
      sys::path::append(Candidate, Name);
      if (sys::fs::real_path(Candidate, Real) || !sys::fs::can_execute(Real) ||
          !sandboxCanReach(Real))
        continue;
      char Magic[4] = {};
      auto File = sys::fs::openNativeFileForRead(Real);
      if (!File) {
        consumeError(File.takeError());
        continue;
      }
      Expected<size_t> Read = sys::fs::readNativeFile(*File, Magic);
      sys::fs::closeFile(*File);
      if (Read && *Read == 4 &&
          StringRef(Magic, 4) == "\x7f"
                                 "ELF")
        return Real.str().str();
      if (!Read)
        consumeError(Read.takeError());
    }
  return "";
}

namespace {
/// Libraries by soname, first found wins, as the loader's search would.
using LibraryMap = std::map<std::string, std::string>;

void addClosure(StringRef Object, const RuntimeProfile &Profile,
                LibraryMap &Libraries) {
  Expected<DependencyClosure> Closure =
      resolveDependencies(Object, ResolveOptions(), Profile);
  // A module whose libraries the host lacks cannot be imported there either.
  if (!Closure) {
    consumeError(Closure.takeError());
    return;
  }
  for (const ResolvedLibrary &Lib : Closure->Libraries)
    if (!Lib.RealPath.empty())
      Libraries.emplace(Lib.Soname, Lib.RealPath);
}
} // namespace

std::string runtimeClientFolder(StringRef RulesDir, StringRef Language) {
  SmallString<256> Folder(RulesDir);
  sys::path::append(Folder, "runtime-interface", Language);
  return Folder.str().str();
}

Expected<RuntimeEmulation> emulateManagedRuntime(const RuntimeLaunch &Launch,
                                                 const RuntimeProfile &Profile,
                                                 StringRef ClientDir,
                                                 const BaseImage &Base) {
  bool Python = Launch.Language == "python";
  std::vector<std::string> Names =
      Python ? std::vector<std::string>{"python" + Launch.LanguageVersion,
                                        "python3"}
             : std::vector<std::string>{"node", "nodejs"};
  RuntimeEmulation E;
  E.Interpreter = findInterpreter(Names);
  if (E.Interpreter.empty())
    return createStringError("cannot emulate " + Profile.Name +
                             ": no ELF executable named " +
                             join(Names, " or ") + " on PATH");

  LibraryMap Libraries;
  addClosure(E.Interpreter, Profile, Libraries);
  StringRef Exe = sys::path::filename(E.Interpreter);
  std::string InBin = (Twine(LangBin) + "/" + Exe).str();
  E.Mounts.push_back({SandboxMount::ReadOnlyBind, E.Interpreter, InBin});
  E.Command.push_back(InBin);

  if (Python) {
    // The standard library is found from the executable: prefix/lib/pythonX.Y
    // on the host, /var/lang/lib/pythonX.Y in the sandbox.
    SmallString<256> Stdlib(
        sys::path::parent_path(sys::path::parent_path(E.Interpreter)));
    sys::path::append(Stdlib, "lib", Exe);
    if (!sys::fs::exists(Stdlib + "/os.py"))
      return createStringError("cannot emulate " + Profile.Name + ": " +
                               E.Interpreter + " has no standard library at " +
                               Stdlib);
    std::string InLib = (Twine(LangLib) + "/" + Exe).str();
    E.Mounts.push_back({SandboxMount::ReadOnlyBind, Stdlib.str().str(), InLib});
    // Packages installed into the host's interpreter stay invisible.
    for (const char *Packages : {"site-packages", "dist-packages"})
      if (sys::fs::is_directory(Stdlib + "/" + Packages))
        E.Mounts.push_back(
            {SandboxMount::Tmpfs, "", InLib + "/" + Packages, 4096, false});
    std::error_code EC;
    for (sys::fs::directory_iterator It(Stdlib + "/lib-dynload", EC), End;
         It != End && !EC; It.increment(EC))
      if (StringRef(It->path()).ends_with(".so"))
        addClosure(It->path(), Profile, Libraries);
    if (Exe != "python3")
      E.Mounts.push_back({SandboxMount::Symlink, Exe.str(),
                          Twine(LangBin).str() + "/python3"});
    // -S: no site module, so no host site-packages and no .pth files; the
    // client sets sys.path to Lambda's from its arguments.
    E.Command.insert(E.Command.end(),
                     {"-S", "-u", Twine(RuntimeDir).str() + "/bootstrap.py"});
    llvm::append_range(E.Command, Launch.SearchPath);
  } else {
    E.Command.push_back(Twine(RuntimeDir).str() + "/bootstrap.js");
    E.Environment.push_back({"NODE_PATH", join(Launch.SearchPath, ":")});
  }

  for (const auto &[Soname, Path] : Libraries)
    if (!Base.Sonames.count(Soname))
      E.Mounts.push_back({SandboxMount::ReadOnlyBind, Path,
                          Twine(LangLib).str() + "/" + Soname});
  E.Mounts.push_back({SandboxMount::ReadOnlyBind, ClientDir.str(), RuntimeDir});
  E.Environment.push_back({"AWS_EXECUTION_ENV", Launch.ExecutionEnv});
  return E;
}

} // namespace brisk
