//===- LibcBundle.cpp - What shipping the loader and libc adds ------------===//

#include "plan/LibcBundle.h"
#include "elf/Interpreter.h"
#include "plan/RulesFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

static constexpr StringRef ShortLoaderName = "ld.so";
static constexpr StringRef GconvZipDir = "lib/gconv";

static bool anyImports(const FunctionPlan &Plan, StringRef Symbol) {
  for (const PlannedFile &F : Plan.Files) {
    if (F.Kind != FileKind::ElfExecutable && F.Kind != FileKind::SharedObject)
      continue;
    Expected<std::unique_ptr<MemoryBuffer>> Buf = F.map();
    if (!Buf) {
      consumeError(Buf.takeError());
      continue;
    }
    if (importsSymbol((*Buf)->getMemBufferRef(), Symbol))
      return true;
  }
  return false;
}

Expected<std::vector<std::string>> loadGconvModules(StringRef RulesDir) {
  std::string Path;
  Expected<nlohmann::json> Root = readRulesFile(RulesDir, "gconv.json", Path);
  if (!Root)
    return Root.takeError();
  auto Modules = Root->find("modules");
  if (Modules == Root->end() || !Modules->is_array())
    return createStringError(Path + ": 'modules' must be an array of names");
  std::vector<std::string> Names;
  for (const nlohmann::json &M : *Modules) {
    if (!M.is_string())
      return createStringError(Path + ": 'modules' must be an array of names");
    Names.push_back(M.get<std::string>());
  }
  return Names;
}

// The modules among \p Files (relative to \p Dir) that \p Wanted names, with
// the libraries they need from the same folder (EUC-JP.so needs libJIS.so),
// and the configuration files.
static std::vector<std::string> selectModules(StringRef Dir,
                                              ArrayRef<std::string> Files,
                                              ArrayRef<std::string> Wanted) {
  StringSet<> Present, Chosen;
  for (const std::string &F : Files)
    Present.insert(F);
  std::vector<std::string> Pending;
  for (const std::string &Name : Wanted)
    if (Present.count(Name + ".so"))
      Pending.push_back(Name + ".so");
  while (!Pending.empty()) {
    std::string File = std::move(Pending.back());
    Pending.pop_back();
    if (!Chosen.insert(File).second)
      continue;
    auto Buf = MemoryBuffer::getFile(Dir + "/" + File);
    if (!Buf)
      continue;
    Expected<ElfInfo> Info = readElfInfo((*Buf)->getMemBufferRef());
    if (!Info) {
      consumeError(Info.takeError());
      continue;
    }
    for (const std::string &Needed : Info->Needed)
      if (Present.count(Needed))
        Pending.push_back(Needed);
  }
  std::vector<std::string> Selected;
  for (const std::string &F : Files)
    if (Chosen.count(F) || !StringRef(F).ends_with(".so"))
      Selected.push_back(F);
  return Selected;
}

// The gconv folder beside the libc that is shipped, as glibc installs it
// (Debian's /usr/lib/x86_64-linux-gnu/gconv, Fedora's /usr/lib64/gconv):
// modules and configuration, not gconv-modules.cache, which names the build
// machine's folder. \p Wanted: module names; empty: all of them.
static Error addGconv(FunctionPlan &Plan, StringRef LibcPath,
                      ArrayRef<std::string> Wanted) {
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(LibcPath, Real))
    return createStringError(EC, "cannot resolve '" + LibcPath + "'");
  SmallString<256> Dir(sys::path::parent_path(Real));
  sys::path::append(Dir, "gconv");
  if (!sys::fs::is_directory(Dir)) {
    Plan.Warnings.push_back(
        "iconv_open is imported, but this machine has no gconv modules at '" +
        Dir.str().str() +
        "' to ship with its libc: iconv_open will fail for every charset "
        "glibc does not build in");
    return Error::success();
  }
  std::vector<std::string> Files;
  for (StringRef Sub : {"", "gconv-modules.d"}) {
    SmallString<256> From(Dir);
    sys::path::append(From, Sub);
    std::error_code EC;
    for (sys::fs::directory_iterator It(From, EC), End; It != End && !EC;
         It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      bool Wanted =
          Sub.empty() ? Name != "gconv-modules.cache" : Name.ends_with(".conf");
      if (Wanted && sys::fs::is_regular_file(It->path()))
        Files.push_back(Sub.empty() ? Name.str() : (Sub + "/" + Name).str());
    }
    if (EC && EC != std::errc::no_such_file_or_directory)
      return createStringError(EC,
                               "cannot read '" + From + "': " + EC.message());
  }
  llvm::sort(Files);
  if (!Wanted.empty())
    Files = selectModules(Dir, Files, Wanted);
  for (const std::string &Rel : Files) {
    Expected<PlannedFile> File = plannedFromHost(
        (Dir + "/" + Rel).str(), (GconvZipDir + "/" + Rel).str());
    if (!File)
      return File.takeError();
    Plan.GconvModules += File->Kind == FileKind::SharedObject;
    // The modules go where the libc goes, and only together: GCONV_PATH
    // names one folder.
    File->Unit = GconvZipDir.str();
    File->CLibrary = true;
    File->Why = "iconv_open -> " + Rel;
    Plan.Files.push_back(std::move(*File));
  }
  return Error::success();
}

Expected<LibcExtras> addLibcExtras(FunctionPlan &Plan, size_t Program,
                                   const ElfInfo &ProgramInfo,
                                   StringRef LoaderName, StringRef LibcPath,
                                   const RuntimeProfile &Runtime,
                                   const PackOptions &Options) {
  LibcExtras Extras;
  std::string TaskRoot =
      Runtime.TaskRoot.empty() ? "/var/task" : Runtime.TaskRoot;
  std::string Interpreter = TaskRoot + "/lib/" + ShortLoaderName.str();
  PlannedFile &Prog = Plan.Files[Program];
  if (interpreterFits(ProgramInfo, Interpreter)) {
    Prog.Interpreter = Interpreter;
    Extras.DirectRoot = TaskRoot;
    PlannedFile Link;
    Link.ZipPath = ("lib/" + ShortLoaderName).str();
    Link.Kind = FileKind::Symlink;
    Link.LinkTarget = LoaderName.str();
    Link.InputBytes = Link.Bytes = LoaderName.size();
    // Where the loader goes, its short name goes.
    for (const PlannedFile &F : Plan.Files)
      if (F.ZipPath == "lib/" + LoaderName.str()) {
        Link.Unit = F.Unit;
        Link.Why = F.Why;
        Link.CLibrary = true;
      }
    Plan.Files.push_back(std::move(Link));
  } else {
    Plan.Warnings.push_back(
        Prog.ZipPath + ": its PT_INTERP has no room for '" + Interpreter +
        "', so it runs through the bundled loader and /proc/self/exe is the "
        "loader, not the program");
  }
  GconvMode Gconv = Options.Gconv;
  bool Wanted = Gconv == GconvMode::All ||
                (Gconv == GconvMode::Auto && anyImports(Plan, "iconv_open"));
  if (Wanted && !LibcPath.empty()) {
    std::vector<std::string> Modules;
    if (Gconv == GconvMode::Auto) {
      Expected<std::vector<std::string>> Listed =
          loadGconvModules(Options.RulesDir);
      if (!Listed)
        return Listed.takeError();
      Modules = std::move(*Listed);
    }
    size_t Before = Plan.Files.size();
    if (Error E = addGconv(Plan, LibcPath, Modules))
      return E;
    Extras.Gconv = Plan.Files.size() > Before;
  }
  return Extras;
}

} // namespace brisk
