//===- NativePlanner.cpp - What goes into a native function's zip ---------===//
//
// bin/NAME, the libraries of its DT_NEEDED closure the runtime image lacks
// (or has too old) in lib/, and a bootstrap that makes them win.
//
//===----------------------------------------------------------------------===//

#include "plan/NativePlanner.h"
#include "elf/DependencyResolver.h"
#include "elf/NeededChain.h"
#include "elf/SymbolVersions.h"
#include "plan/Bootstrap.h"
#include "plan/LibcBundle.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

/// The input executable's ELF facts, read once for the planner and the
/// resolver. Errors do not name it: the caller names its input.
static Expected<ElfInfo> readExecutableInfo(const InventoryFile &Exe) {
  Expected<std::unique_ptr<MemoryBuffer>> Buf = mapSource(Exe.Source, "");
  if (!Buf)
    return Buf.takeError();
  return readElfInfo(MemoryBufferRef((*Buf)->getBuffer(), ""));
}

// The input's architecture, which --arch may only confirm: a program is
// never packed for a machine it was not built for.
static Expected<std::string> architectureOf(const ElfInfo &Info,
                                            StringRef Wanted) {
  std::string Arch;
  if (Info.Machine == ELF::EM_X86_64)
    Arch = "x86_64";
  else if (Info.Machine == ELF::EM_AARCH64)
    Arch = "arm64";
  else
    return createStringError("built for " + machineName(Info.Machine) +
                             ", Lambda runs x86_64 and arm64 only");
  if (!Wanted.empty() && Wanted != Arch)
    return createStringError("is built for " + Arch + " (" +
                             machineName(Info.Machine) +
                             "), not --arch=" + Wanted);
  return Arch;
}

// Adds lib/<soname>. When the host file behind the soname has another name
// (libcurl.so.4 -> libcurl.so.4.8.0), ship it under its real name and keep
// the soname as a relative link, as on the host and as `zip --symlinks` does.
// \p ShippedFrom maps each lib/ path planned so far to the host file whose
// bytes it stands for. The file and its links are one shareable unit, named
// after the file's zip path; \p Why says what needs the library.
static Error addLibrary(FunctionPlan &Plan, StringMap<std::string> &ShippedFrom,
                        StringRef Soname, StringRef RealPath, StringRef Why) {
  std::string SonameZip = ("lib/" + Soname).str();
  if (ShippedFrom.count(SonameZip))
    return Error::success();
  StringRef RealName = sys::path::filename(RealPath);
  std::string RealZip = ("lib/" + RealName).str();
  auto Shipped = ShippedFrom.find(RealZip);
  bool CanLink = RealName != Soname &&
                 (Shipped == ShippedFrom.end() || Shipped->second == RealPath);
  if (!CanLink) {
    Expected<PlannedFile> File = plannedFromHost(RealPath, SonameZip);
    if (!File)
      return File.takeError();
    File->Unit = SonameZip;
    File->Why = Why.str();
    Plan.Files.push_back(std::move(*File));
    ShippedFrom[SonameZip] = RealPath.str();
    return Error::success();
  }
  if (Shipped == ShippedFrom.end()) {
    Expected<PlannedFile> File = plannedFromHost(RealPath, RealZip);
    if (!File)
      return File.takeError();
    File->Unit = RealZip;
    File->Why = Why.str();
    Plan.Files.push_back(std::move(*File));
    ShippedFrom[RealZip] = RealPath.str();
  }
  PlannedFile Link;
  Link.ZipPath = SonameZip;
  Link.Kind = FileKind::Symlink;
  Link.LinkTarget = RealName.str();
  Link.InputBytes = Link.Bytes = RealName.size();
  Link.Unit = RealZip;
  Link.Why = Why.str();
  Plan.Files.push_back(std::move(Link));
  ShippedFrom[SonameZip] = RealPath.str();
  return Error::success();
}

// A DT_NEEDED holding a '/' is opened by the loader as the path it is: the
// linker records one when a library without a soname is linked by its path
// (`cc main.c /build/libfoo.so`). That path is on the build machine, never
// in /var/task.
static Error refuseNeededByPath(const DependencyClosure &Closure) {
  for (const ResolvedLibrary &Lib : Closure.Libraries) {
    if (!StringRef(Lib.Soname).contains('/'))
      continue;
    std::string Needer;
    if (!Lib.NeededBy.empty() && Lib.NeededBy.front() != Closure.Executable)
      Needer = Lib.NeededBy.front() + " ";
    StringRef File = sys::path::filename(Lib.Soname);
    return createStringError(
        Needer + "needs '" + Lib.Soname +
        "' by its path (the library has no soname, so the linker recorded "
        "where it was), which does not exist on Lambda: link the library "
        "with -Wl,-soname," +
        File + ", or link it with -L and -l");
  }
  return Error::success();
}

Error planNative(const FunctionSpec &Spec, const Inventory &Inv,
                 const PackOptions &Options, FunctionPlan &Plan) {
  const InventoryFile &Exe = Inv.Files.front();
  Expected<ElfInfo> ExeInfo = readExecutableInfo(Exe);
  if (!ExeInfo)
    return ExeInfo.takeError();
  Expected<std::string> Arch = architectureOf(*ExeInfo, Options.Arch);
  if (!Arch)
    return Arch.takeError();
  Expected<RuntimeProfile> Runtime =
      loadRuntimeProfile(Options.RulesDir, Plan.Runtime, *Arch);
  if (!Runtime)
    return Runtime.takeError();
  if (auto Lib = Runtime->LayerPaths.find("lib");
      Lib != Runtime->LayerPaths.end())
    Plan.LibLayerDir = Lib->second;

  ResolveOptions Resolve;
  Resolve.LibraryPath = Options.LibraryPath;
  Resolve.Includes = Spec.Includes;
  Resolve.SysRoot = Options.SysRoot;
  Expected<DependencyClosure> Closure =
      resolveDependencies(Exe.Source.Path, *ExeInfo, Resolve, *Runtime);
  if (!Closure)
    return Closure.takeError();
  if (Error E = refuseNeededByPath(*Closure))
    return E;
  Expected<BundleDecision> Decision =
      decideBundle(*Closure, *Runtime, Options.AllowBundleLibc);
  if (!Decision)
    return Decision.takeError();

  std::string ProgramZip = "bin/" + Spec.Name;
  std::map<std::string, std::string> Chains = neededChains(*Closure, Spec.Name);
  StringMap<std::string> ShippedFrom;
  for (const std::string &Soname : Decision->BundledSonames) {
    const ResolvedLibrary *Lib = Closure->find(Soname);
    if (!Lib || Lib->RealPath.empty())
      return createStringError("bundling '" + Soname +
                               "' but no host copy was found");
    size_t Before = Plan.Files.size();
    if (Error E = addLibrary(Plan, ShippedFrom, Soname, Lib->RealPath,
                             Chains[Soname]))
      return E;
    for (size_t I = Before; I < Plan.Files.size(); ++I)
      Plan.Files[I].CLibrary = Runtime->isGlibcFamily(Soname);
  }
  std::string LoaderName;
  if (Decision->BundleLibc) {
    LoaderName = Decision->LoaderName;
    SmallString<256> Real;
    if (std::error_code EC = sys::fs::real_path(Decision->LoaderPath, Real))
      return createStringError(EC, "cannot find the loader '" +
                                       Decision->LoaderPath + "'");
    size_t Before = Plan.Files.size();
    if (Error E = addLibrary(Plan, ShippedFrom, LoaderName, Real,
                             Spec.Name + " -> PT_INTERP " + LoaderName))
      return E;
    for (size_t I = Before; I < Plan.Files.size(); ++I)
      Plan.Files[I].CLibrary = true;
  }
  // The bootstrap runs the loader as a program: its file needs exec bits.
  if (!LoaderName.empty()) {
    std::string LoaderZip = "lib/" + LoaderName;
    for (const PlannedFile &F : Plan.Files)
      if (F.ZipPath == LoaderZip && F.isSymlink())
        LoaderZip = "lib/" + F.LinkTarget;
    for (PlannedFile &F : Plan.Files)
      if (F.ZipPath == LoaderZip)
        F.Executable = true;
  }
  Plan.BundledLibraries = Decision->BundledSonames.size();
  Plan.LibcBundled = Decision->BundleLibc;

  bool HasLibraries = !Plan.Files.empty();
  if (!HasLibraries && Options.Bootstrap == BootstrapStyle::Exec) {
    Plan.Files.push_back(plannedFromInventory(Exe, "bootstrap"));
    Plan.Files.back().Executable = true;
    return Error::success();
  }
  if (Options.Bootstrap == BootstrapStyle::Exec)
    Plan.Warnings.push_back(
        "--bootstrap=exec is not possible here: the program needs the "
        "libraries bundled in lib/, which only a bootstrap script can put "
        "first on its search path; bootstrap is a script");
  Plan.Files.push_back(plannedFromInventory(Exe, ProgramZip));
  Plan.Files.back().Executable = true;
  BootstrapSpec Boot;
  Boot.ProgramPath = ProgramZip;
  Boot.LoaderName = LoaderName;
  Boot.HasLibraries = HasLibraries;
  if (!Runtime->TaskRoot.empty())
    Boot.TaskRoot = Runtime->TaskRoot;
  if (Decision->BundleLibc) {
    const ResolvedLibrary *Libc = Closure->find("libc.so.6");
    Expected<LibcExtras> Extras = addLibcExtras(
        Plan, Plan.Files.size() - 1, *ExeInfo, LoaderName,
        Libc ? StringRef(Libc->RealPath) : StringRef(), *Runtime, Options);
    if (!Extras)
      return Extras.takeError();
    Boot.Direct = !Extras->DirectRoot.empty();
    Boot.Gconv = Extras->Gconv;
  }
  Plan.Boot = Boot;
  PlannedFile Script;
  Script.ZipPath = "bootstrap";
  Script.Executable = true;
  Script.Generated =
      std::make_shared<const std::string>(makeBootstrapScript(Boot));
  Script.InputBytes = Script.Bytes = Script.Generated->size();
  Plan.Files.push_back(std::move(Script));
  return Error::success();
}

} // namespace brisk
