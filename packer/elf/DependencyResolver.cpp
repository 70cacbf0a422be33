//===- DependencyResolver.cpp - Static DT_NEEDED closure ------------------===//

#include "elf/DependencyResolver.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <deque>
#include <map>
#include <optional>
#include <set>

using namespace llvm;

namespace brisk {

const ResolvedLibrary *DependencyClosure::find(StringRef Soname) const {
  for (const ResolvedLibrary &Lib : Libraries)
    if (Lib.Soname == Soname)
      return &Lib;
  return nullptr;
}

std::string expandOrigin(StringRef Entry, StringRef Origin) {
  std::string Out;
  while (!Entry.empty()) {
    if (Entry.consume_front("${ORIGIN}")) {
      Out += Origin;
    } else if (Entry.starts_with("$ORIGIN") &&
               (Entry.size() == 7 || !(isAlnum(Entry[7]) || Entry[7] == '_'))) {
      Entry = Entry.drop_front(7);
      Out += Origin;
    } else {
      Out += Entry.front();
      Entry = Entry.drop_front();
    }
  }
  return Out;
}

static void readLdSoConfFile(StringRef SysRoot, StringRef File,
                             std::vector<std::string> &Dirs, unsigned Depth) {
  // ld.so.conf files can include each other; glibc does not guard against
  // loops either, but we must not recurse forever.
  if (Depth > 16)
    return;
  SmallString<256> Path(SysRoot);
  Path += File;
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return;
  SmallVector<StringRef, 32> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.split('#').first.trim();
    if (Line.empty())
      continue;
    if (Line.consume_front("include") && !Line.empty() && isSpace(Line[0])) {
      SmallVector<StringRef, 4> Patterns;
      Line.split(Patterns, ' ', -1, /*KeepEmpty=*/false);
      for (StringRef Pattern : Patterns) {
        Pattern = Pattern.trim();
        SmallString<256> Full;
        if (!sys::path::is_absolute(Pattern, sys::path::Style::posix))
          Full = sys::path::parent_path(File, sys::path::Style::posix);
        sys::path::append(Full, sys::path::Style::posix, Pattern);
        StringRef Dir = sys::path::parent_path(Full, sys::path::Style::posix);
        StringRef Name = sys::path::filename(Full, sys::path::Style::posix);
        auto Glob = GlobPattern::create(Name);
        if (!Glob) {
          consumeError(Glob.takeError());
          continue;
        }
        std::vector<std::string> Matches;
        std::error_code EC;
        SmallString<256> RealDir(SysRoot);
        RealDir += Dir;
        for (sys::fs::directory_iterator It(RealDir, EC), End; It != End && !EC;
             It.increment(EC)) {
          StringRef Entry = sys::path::filename(It->path());
          if (Glob->match(Entry))
            Matches.push_back((Dir + "/" + Entry).str());
        }
        // glob(3) sorts its results; directory order must not leak in.
        llvm::sort(Matches);
        for (const std::string &Match : Matches)
          readLdSoConfFile(SysRoot, Match, Dirs, Depth + 1);
      }
      continue;
    }
    if (Line.starts_with("hwcap"))
      continue;
    // Old syntax allows several directories on a line, separated by blanks,
    // commas or colons, each optionally followed by "=TYPE".
    SmallVector<StringRef, 4> Entries;
    SplitString(Line, Entries, " \t,:");
    for (StringRef Entry : Entries) {
      Entry = Entry.split('=').first;
      if (Entry.starts_with("/"))
        Dirs.push_back((SysRoot + Entry).str());
    }
  }
}

std::vector<std::string> readLdSoConf(StringRef SysRoot) {
  std::vector<std::string> Dirs;
  readLdSoConfFile(SysRoot, "/etc/ld.so.conf", Dirs, 0);
  return Dirs;
}

static StringRef multiarchTriple(uint16_t Machine) {
  switch (Machine) {
  case ELF::EM_X86_64:
    return "x86_64-linux-gnu";
  case ELF::EM_AARCH64:
    return "aarch64-linux-gnu";
  default:
    return "";
  }
}

std::vector<std::string> systemLibraryDirs(const ResolveOptions &Options,
                                           uint16_t Machine, bool Is64Bit) {
  std::vector<std::string> Dirs;
  if (Options.UseLdSoConf)
    Dirs = readLdSoConf(Options.SysRoot);
  if (Options.UseDefaultDirs) {
    StringRef Triple = multiarchTriple(Machine);
    std::vector<std::string> Defaults;
    if (!Triple.empty()) {
      Defaults.push_back(("/lib/" + Triple).str());
      Defaults.push_back(("/usr/lib/" + Triple).str());
    }
    if (Is64Bit) {
      Defaults.push_back("/lib64");
      Defaults.push_back("/usr/lib64");
    }
    Defaults.push_back("/lib");
    Defaults.push_back("/usr/lib");
    for (const std::string &Dir : Defaults)
      Dirs.push_back(Options.SysRoot + Dir);
  }
  return Dirs;
}

/// Lambda runs little-endian 64-bit x86_64 or arm64 code; a program for
/// anything else, or for the other architecture, can never start there.
static Error checkArchitecture(StringRef Path, const ElfInfo &Info,
                               const RuntimeProfile &Runtime) {
  uint16_t Expected =
      Runtime.Architecture == "arm64" ? ELF::EM_AARCH64 : ELF::EM_X86_64;
  if (Info.Machine == Expected && Info.Is64Bit && Info.IsLittleEndian)
    return Error::success();
  std::string Arch = Info.Is64Bit ? "64-bit" : "32-bit";
  return createStringError(
      inconvertibleErrorCode(),
      Path + " is a " + Arch + " " + machineName(Info.Machine).str() +
          " ELF file but " + Runtime.Name + " runs " +
          (Runtime.Architecture.empty() ? std::string("x86_64")
                                        : Runtime.Architecture) +
          " code");
}

namespace {

/// One object loaded into the simulated process.
struct LoadedObject {
  std::string RealPath;
  std::string Directory; // $ORIGIN
  ElfInfo Info;
  int Loader = -1; // index of the object whose DT_NEEDED brought it in
  /// DT_RPATH entries, expanded; empty when the object has a DT_RUNPATH,
  /// which makes the loader ignore its DT_RPATH.
  std::vector<std::string> EffectiveRPath;
  std::vector<std::string> RunPath; // expanded
};

class Resolver {
public:
  Resolver(const ResolveOptions &Options, const RuntimeProfile &Runtime)
      : Options(Options), Runtime(Runtime) {}

  Expected<DependencyClosure> run(StringRef Executable,
                                  const ElfInfo *ExecutableInfo);

private:
  Expected<int> load(StringRef Path, int Loader,
                     const ElfInfo *Known = nullptr);
  std::optional<std::string> search(StringRef Name, int Needer);
  std::optional<std::string> tryDirs(const std::vector<std::string> &Dirs,
                                     StringRef Name);
  bool acceptable(StringRef Path);
  Error walk(std::deque<int> Queue);

  const ResolveOptions &Options;
  const RuntimeProfile &Runtime;
  std::vector<LoadedObject> Objects;
  StringMap<int> ObjectByRealPath;
  /// Soname (the DT_NEEDED string) -> index in Objects, or -1 when only the
  /// runtime provides it.
  std::map<std::string, int> BySoname;
  std::map<std::string, std::set<std::string>> NeededBy;
  std::map<std::string, std::string> FoundAs; // soname -> path as searched
  std::set<std::string> IncludedSonames;
  std::vector<std::string> SystemDirs;
  uint16_t Machine = 0;
  bool Is64Bit = true, IsLittleEndian = true;
};

} // namespace

static Expected<ElfInfo> readInfoAt(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read " + Path + ": " +
                                 Buffer.getError().message());
  return readElfInfo(MemoryBufferRef((*Buffer)->getBuffer(), Path));
}

bool Resolver::acceptable(StringRef Path) {
  // Like the loader, decide from the ELF header alone: a candidate of the
  // right class, byte order and machine is taken, and a problem deeper in
  // the file is then reported as that file's error rather than as "cannot
  // find". Text files (linker scripts such as libc.so) are skipped.
  if (!sys::fs::is_regular_file(Path))
    return false;
  auto File = sys::fs::openNativeFileForRead(Path);
  if (!File) {
    consumeError(File.takeError());
    return false;
  }
  char Header[20] = {};
  auto Read = sys::fs::readNativeFile(*File, Header);
  sys::fs::closeFile(*File);
  if (!Read) {
    consumeError(Read.takeError());
    return false;
  }
  StringRef Bytes(Header, *Read);
  if (Bytes.size() < sizeof(Header) || !looksLikeElf(Bytes))
    return false;
  bool Little = Bytes[ELF::EI_DATA] == ELF::ELFDATA2LSB;
  bool Big = Bytes[ELF::EI_DATA] == ELF::ELFDATA2MSB;
  bool Wide = Bytes[ELF::EI_CLASS] == ELF::ELFCLASS64;
  bool Narrow = Bytes[ELF::EI_CLASS] == ELF::ELFCLASS32;
  if (!(Little || Big) || !(Wide || Narrow))
    return false;
  uint8_t Lo = Bytes[18], Hi = Bytes[19];
  uint16_t FileMachine = Little ? (Hi << 8 | Lo) : (Lo << 8 | Hi);
  return FileMachine == Machine && Wide == Is64Bit && Little == IsLittleEndian;
}

std::optional<std::string>
Resolver::tryDirs(const std::vector<std::string> &Dirs, StringRef Name) {
  for (const std::string &Dir : Dirs) {
    if (Dir.empty())
      continue;
    SmallString<256> Candidate(Dir);
    sys::path::append(Candidate, Name);
    if (acceptable(Candidate))
      return std::string(Candidate);
  }
  return std::nullopt;
}

std::optional<std::string> Resolver::search(StringRef Name, int Needer) {
  if (Name.contains('/')) {
    if (acceptable(Name))
      return Name.str();
    return std::nullopt;
  }
  const LoadedObject &Object = Objects[Needer];
  if (Object.RunPath.empty()) {
    // DT_RPATH of the needing object, then of each object up the chain that
    // loaded it, then of the executable.
    for (int I = Needer; I >= 0; I = Objects[I].Loader)
      if (auto Found = tryDirs(Objects[I].EffectiveRPath, Name))
        return Found;
    if (auto Found = tryDirs(Objects[0].EffectiveRPath, Name))
      return Found;
  }
  if (auto Found = tryDirs(Options.LibraryPath, Name))
    return Found;
  if (auto Found = tryDirs(Object.RunPath, Name))
    return Found;
  return tryDirs(SystemDirs, Name);
}

static std::vector<std::string> expandAll(const std::vector<std::string> &Dirs,
                                          StringRef Origin) {
  std::vector<std::string> Out;
  for (const std::string &Dir : Dirs)
    Out.push_back(expandOrigin(Dir, Origin));
  return Out;
}

Expected<int> Resolver::load(StringRef Path, int Loader, const ElfInfo *Known) {
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(Path, Real))
    return createStringError(EC,
                             "cannot resolve " + Path + ": " + EC.message());
  auto Existing = ObjectByRealPath.find(Real);
  if (Existing != ObjectByRealPath.end())
    return Existing->second;
  auto Info = Known ? Expected<ElfInfo>(*Known) : readInfoAt(Real);
  if (!Info)
    return Info.takeError();
  LoadedObject Object;
  Object.RealPath = Real.str().str();
  // $ORIGIN: for the executable glibc reads /proc/self/exe, symlinks
  // resolved; for a library it takes the path it opened, symlinks kept.
  if (Loader < 0) {
    Object.Directory = sys::path::parent_path(Real).str();
  } else {
    SmallString<256> Opened(Path);
    sys::fs::make_absolute(Opened);
    Object.Directory = sys::path::parent_path(Opened).str();
  }
  if (Info->RunPath.empty())
    Object.EffectiveRPath = expandAll(Info->RPath, Object.Directory);
  Object.RunPath = expandAll(Info->RunPath, Object.Directory);
  Object.Info = std::move(*Info);
  Object.Loader = Loader;
  Objects.push_back(std::move(Object));
  int Index = Objects.size() - 1;
  ObjectByRealPath[Objects.back().RealPath] = Index;
  return Index;
}

Error Resolver::walk(std::deque<int> Queue) {
  // Breadth first, like the loader: a soname loaded once satisfies every
  // later DT_NEEDED of the same name, so the first needer decides the file.
  while (!Queue.empty()) {
    int Index = Queue.front();
    Queue.pop_front();
    std::vector<std::string> Needed = Objects[Index].Info.Needed;
    for (const std::string &Name : Needed) {
      NeededBy[Name].insert(Objects[Index].RealPath);
      if (BySoname.count(Name))
        continue;
      std::optional<std::string> Found = search(Name, Index);
      if (!Found) {
        if (Runtime.provides(Name)) {
          BySoname[Name] = -1;
          continue;
        }
        return createStringError(
            inconvertibleErrorCode(),
            "cannot find " + Name + " (needed by " + Objects[Index].RealPath +
                "); add its directory with --library-path");
      }
      auto Loaded = load(*Found, Index);
      if (!Loaded)
        return Loaded.takeError();
      BySoname[Name] = *Loaded;
      FoundAs[Name] = *Found;
      Queue.push_back(*Loaded);
    }
  }
  return Error::success();
}

Expected<DependencyClosure> Resolver::run(StringRef Executable,
                                          const ElfInfo *ExecutableInfo) {
  auto Main = load(Executable, -1, ExecutableInfo);
  if (!Main)
    return Main.takeError();
  const ElfInfo &MainInfo = Objects[0].Info;
  if (Error E = checkArchitecture(Objects[0].RealPath, MainInfo, Runtime))
    return E;
  Machine = MainInfo.Machine;
  Is64Bit = MainInfo.Is64Bit;
  IsLittleEndian = MainInfo.IsLittleEndian;

  SystemDirs = systemLibraryDirs(Options, Machine, Is64Bit);

  // The kernel maps the executable's interpreter before anything else, and
  // the loader answers a DT_NEEDED of its soname with it.
  // (A copy: loading grows Objects and would move MainInfo.)
  // In a target root, the loader is the root's.
  std::string Interpreter = MainInfo.Interpreter;
  if (!Interpreter.empty() && !Options.SysRoot.empty())
    Interpreter = Options.SysRoot + Interpreter;
  if (!Interpreter.empty() && acceptable(Interpreter)) {
    auto Loaded = load(Interpreter, 0);
    if (!Loaded)
      return Loaded.takeError();
    const ElfInfo &Interp = Objects[*Loaded].Info;
    std::string Name = Interp.SOName.empty()
                           ? sys::path::filename(Interpreter).str()
                           : Interp.SOName;
    BySoname[Name] = *Loaded;
    FoundAs[Name] = Interpreter;
  }

  if (Error E = walk({0}))
    return E;

  // --include files are dlopen'd by the program: they join the process with
  // the executable as their loader, bringing their own dependencies.
  for (const std::string &Include : Options.Includes) {
    if (!acceptable(Include))
      return createStringError(inconvertibleErrorCode(),
                               "--include " + Include +
                                   ": not a readable ELF file for " +
                                   machineName(Machine));
    auto Loaded = load(Include, 0);
    if (!Loaded)
      return Loaded.takeError();
    const LoadedObject &Object = Objects[*Loaded];
    std::string Name = Object.Info.SOName.empty()
                           ? sys::path::filename(Include).str()
                           : Object.Info.SOName;
    IncludedSonames.insert(Name);
    if (!BySoname.count(Name)) {
      BySoname[Name] = *Loaded;
      FoundAs[Name] = Include;
    }
    if (Error E = walk({*Loaded}))
      return E;
  }

  DependencyClosure Closure;
  Closure.Executable = Objects[0].RealPath;
  Closure.ExecutableInfo = Objects[0].Info;
  for (const auto &[Name, Index] : BySoname) {
    ResolvedLibrary Lib;
    Lib.Soname = Name;
    Lib.ProvidedByRuntime = Runtime.provides(Name);
    Lib.Included = IncludedSonames.count(Name) != 0;
    auto Needers = NeededBy.find(Name);
    if (Needers != NeededBy.end())
      Lib.NeededBy.assign(Needers->second.begin(), Needers->second.end());
    if (Index >= 0) {
      Lib.Path = FoundAs[Name];
      Lib.RealPath = Objects[Index].RealPath;
      Lib.Info = Objects[Index].Info;
    }
    Closure.Libraries.push_back(std::move(Lib));
  }
  llvm::sort(Closure.Libraries, [](const ResolvedLibrary &A,
                                   const ResolvedLibrary &B) {
    return std::tie(A.Soname, A.RealPath) < std::tie(B.Soname, B.RealPath);
  });
  return Closure;
}

Expected<DependencyClosure> resolveDependencies(StringRef Executable,
                                                const ResolveOptions &Options,
                                                const RuntimeProfile &Runtime) {
  return Resolver(Options, Runtime).run(Executable, nullptr);
}

Expected<DependencyClosure> resolveDependencies(StringRef Executable,
                                                const ElfInfo &ExecutableInfo,
                                                const ResolveOptions &Options,
                                                const RuntimeProfile &Runtime) {
  return Resolver(Options, Runtime).run(Executable, &ExecutableInfo);
}

} // namespace brisk
