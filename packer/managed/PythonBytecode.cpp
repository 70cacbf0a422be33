//===- PythonBytecode.cpp - --precompile-python ---------------------------===//

#include "managed/PythonBytecode.h"
#include "managed/TreeIndex.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
namespace path = llvm::sys::path;

namespace brisk {

std::string bytecodeTagFor(StringRef PythonVersion) {
  std::string Tag = "cpython-" + PythonVersion.str();
  Tag.erase(std::remove(Tag.begin(), Tag.end(), '.'), Tag.end());
  return Tag;
}

// Runs \p Argv with PYTHONHASHSEED=0 and no inherited PYTHON* settings;
// its output goes to \p Output (a file). Returns the exit code, -1 when it
// could not run.
static int runPython(ArrayRef<StringRef> Argv, StringRef Output) {
  std::vector<std::string> Env = {"PYTHONHASHSEED=0", "LC_ALL=C"};
  if (std::optional<std::string> Path = sys::Process::GetEnv("PATH"))
    Env.push_back("PATH=" + *Path);
  std::vector<StringRef> EnvRefs(Env.begin(), Env.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), Output, Output};
  return sys::ExecuteAndWait(Argv[0], Argv, EnvRefs, Redirects);
}

// DIR/__pycache__/NAME.<tag>.pyc for DIR/NAME.py.
static std::string bytecodePath(StringRef Module, StringRef Tag) {
  StringRef Dir = path::parent_path(Module, path::Style::posix);
  return ((Dir.empty() ? "" : Dir + "/") + "__pycache__/" +
          path::stem(Module, path::Style::posix) + "." + Tag + ".pyc")
      .str();
}

static Error writeSource(const PlannedFile &F, StringRef To) {
  if (std::error_code EC = sys::fs::create_directories(path::parent_path(To)))
    return createStringError(EC, "cannot create a folder for '" + To + "'");
  std::error_code EC;
  raw_fd_ostream OS(To, EC);
  if (EC)
    return createStringError(EC, "cannot write '" + To + "'");
  if (Error E = F.read([&](StringRef Chunk) {
        OS << Chunk;
        return Error::success();
      }))
    return E;
  OS.close();
  if (OS.has_error())
    return createStringError(OS.error(), "cannot write '" + To + "'");
  return Error::success();
}

Expected<PrecompileOutcome> precompilePython(FunctionPlan &Plan,
                                             StringRef PythonVersion,
                                             StringRef ScratchDir) {
  PrecompileOutcome Out;
  std::string Name = ("python" + PythonVersion).str();
  ErrorOr<std::string> Found = sys::findProgramByName(Name);
  if (!Found) {
    Out.Skipped = "no " + Name + " on PATH";
    return Out;
  }
  Out.Interpreter = *Found;
  SmallString<256> Work;
  if (std::error_code EC =
          sys::fs::createUniqueDirectory(ScratchDir + "/precompile", Work))
    return createStringError(EC, "cannot make a folder in the scratch folder");
  std::string Log = (Work + "/log").str();
  StringRef VersionCheck[] = {
      Out.Interpreter, "-c",
      "import sys; print('%d.%d' % sys.version_info[:2])"};
  bool Ran = runPython(VersionCheck, Log) == 0;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Said = MemoryBuffer::getFile(Log);
  if (!Ran || !Said ||
      StringRef((*Said)->getBuffer()).trim() != PythonVersion) {
    Out.Skipped = Out.Interpreter + " is not Python " + PythonVersion.str();
    return Out;
  }

  std::string Tag = bytecodeTagFor(PythonVersion);
  TreeIndex Tree(Plan.Files);
  std::string Src = (Work + "/src").str();
  std::vector<std::string> Modules;
  for (const PlannedFile &F : Plan.Files) {
    StringRef P = F.ZipPath;
    if (F.Kind != FileKind::Other || !P.ends_with(".py") ||
        P.contains("__pycache__/"))
      continue;
    if (Tree.find(bytecodePath(P, Tag)))
      continue;
    if (Error E = writeSource(F, Src + "/" + P.str()))
      return E;
    Modules.push_back(P.str());
  }
  if (Modules.empty())
    return Out;
  // The recorded source path is where the module runs from; Python puts
  // the real one into the code objects it loads anyway.
  StringRef Compile[] = {Out.Interpreter,
                         "-m",
                         "compileall",
                         "-q",
                         "-s",
                         Src,
                         "-p",
                         "/var/task",
                         "--invalidation-mode",
                         "unchecked-hash",
                         Src};
  // Modules that do not compile only print; what did compile is used.
  runPython(Compile, Log);

  for (const std::string &P : Modules) {
    std::string Pyc = bytecodePath(P, Tag);
    std::string Compiled = Src + "/" + Pyc;
    uint64_t Size;
    if (sys::fs::file_size(Compiled, Size)) {
      ++Out.Failed;
      continue;
    }
    PlannedFile F;
    F.ZipPath = Pyc;
    F.Source = {Compiled, 0, Size};
    // The content step hashes and weighs it with the others.
    F.InputBytes = F.Bytes = Size;
    Plan.Files.push_back(std::move(F));
    ++Out.Added;
  }
  llvm::sort(Plan.Files, [](const PlannedFile &A, const PlannedFile &B) {
    return A.ZipPath < B.ZipPath;
  });
  return Out;
}

} // namespace brisk
