//===- Planner.cpp - Decide what goes into one function's zip -------------===//

#include "plan/Planner.h"
#include "elf/DependencyResolver.h"
#include "elf/SymbolVersions.h"
#include "plan/Bootstrap.h"
#include "plan/SecretFilter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

static constexpr StringRef DefaultNativeRuntime = "provided.al2023";

static bool isNativeRuntime(StringRef Runtime) {
  return Runtime.starts_with("provided.");
}

static PlannedFile fromInventory(const InventoryFile &F, std::string ZipPath) {
  PlannedFile P;
  P.ZipPath = std::move(ZipPath);
  P.Kind = F.Kind;
  P.Executable = F.Mode & 0111;
  P.LinkTarget = F.LinkTarget;
  P.Source = F.Source;
  P.InputBytes = P.Bytes = F.Size;
  return P;
}

static Expected<PlannedFile> fromHost(StringRef HostPath, std::string ZipPath) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(HostPath, Status))
    return createStringError(EC,
                             "cannot stat '" + HostPath + "': " + EC.message());
  PlannedFile P;
  P.ZipPath = std::move(ZipPath);
  P.Kind = FileKind::SharedObject;
  P.Executable = Status.permissions() & 0111;
  P.InputBytes = P.Bytes = Status.getSize();
  P.Source = {HostPath.str(), 0, P.InputBytes};
  return P;
}

/// The input executable's ELF facts, read once for the planner and the
/// resolver. Errors do not name it: the caller names its input.
static Expected<ElfInfo> readExecutableInfo(const InventoryFile &Exe) {
  Expected<std::unique_ptr<MemoryBuffer>> Buf = mapSource(Exe.Source, "");
  if (!Buf)
    return Buf.takeError();
  return readElfInfo(MemoryBufferRef((*Buf)->getBuffer(), ""));
}

static Expected<std::string> architectureOf(const ElfInfo &Info) {
  if (Info.Machine == ELF::EM_X86_64)
    return "x86_64";
  if (Info.Machine == ELF::EM_AARCH64)
    return "arm64";
  return createStringError("built for " + machineName(Info.Machine) +
                           ", Lambda runs x86_64 and arm64 only");
}

// Adds lib/<soname>. When the host file behind the soname has another name
// (libcurl.so.4 -> libcurl.so.4.8.0), ship it under its real name and keep
// the soname as a relative link, as on the host and as `zip --symlinks` does.
// \p ShippedFrom maps each lib/ path planned so far to the host file whose
// bytes it stands for.
static Error addLibrary(FunctionPlan &Plan, StringMap<std::string> &ShippedFrom,
                        StringRef Soname, StringRef RealPath) {
  std::string SonameZip = ("lib/" + Soname).str();
  if (ShippedFrom.count(SonameZip))
    return Error::success();
  StringRef RealName = sys::path::filename(RealPath);
  std::string RealZip = ("lib/" + RealName).str();
  auto Shipped = ShippedFrom.find(RealZip);
  bool CanLink = RealName != Soname &&
                 (Shipped == ShippedFrom.end() || Shipped->second == RealPath);
  if (!CanLink) {
    Expected<PlannedFile> File = fromHost(RealPath, SonameZip);
    if (!File)
      return File.takeError();
    Plan.Files.push_back(std::move(*File));
    ShippedFrom[SonameZip] = RealPath.str();
    return Error::success();
  }
  if (Shipped == ShippedFrom.end()) {
    Expected<PlannedFile> File = fromHost(RealPath, RealZip);
    if (!File)
      return File.takeError();
    Plan.Files.push_back(std::move(*File));
    ShippedFrom[RealZip] = RealPath.str();
  }
  PlannedFile Link;
  Link.ZipPath = SonameZip;
  Link.Kind = FileKind::Symlink;
  Link.LinkTarget = RealName.str();
  Link.InputBytes = Link.Bytes = RealName.size();
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

static Error planNative(const FunctionSpec &Spec, const Inventory &Inv,
                        const PackOptions &Options, FunctionPlan &Plan) {
  const InventoryFile &Exe = Inv.Files.front();
  Expected<ElfInfo> ExeInfo = readExecutableInfo(Exe);
  if (!ExeInfo)
    return ExeInfo.takeError();
  Expected<std::string> Arch = architectureOf(*ExeInfo);
  if (!Arch)
    return Arch.takeError();
  Expected<RuntimeProfile> Runtime =
      loadRuntimeProfile(Options.RulesDir, Plan.Runtime, *Arch);
  if (!Runtime)
    return Runtime.takeError();

  ResolveOptions Resolve;
  Resolve.LibraryPath = Options.LibraryPath;
  Resolve.Includes = Spec.Includes;
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
  StringMap<std::string> ShippedFrom;
  for (const std::string &Soname : Decision->BundledSonames) {
    const ResolvedLibrary *Lib = Closure->find(Soname);
    if (!Lib || Lib->RealPath.empty())
      return createStringError("bundling '" + Soname +
                               "' but no host copy was found");
    if (Error E = addLibrary(Plan, ShippedFrom, Soname, Lib->RealPath))
      return E;
  }
  std::string LoaderName;
  if (Decision->BundleLibc) {
    LoaderName = Decision->LoaderName;
    SmallString<256> Real;
    if (std::error_code EC = sys::fs::real_path(Decision->LoaderPath, Real))
      return createStringError(EC, "cannot find the loader '" +
                                       Decision->LoaderPath + "'");
    if (Error E = addLibrary(Plan, ShippedFrom, LoaderName, Real))
      return E;
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
    Plan.Files.push_back(fromInventory(Exe, "bootstrap"));
    Plan.Files.back().Executable = true;
    return Error::success();
  }
  Plan.Files.push_back(fromInventory(Exe, ProgramZip));
  Plan.Files.back().Executable = true;
  PlannedFile Boot;
  Boot.ZipPath = "bootstrap";
  Boot.Executable = true;
  Boot.Generated = std::make_shared<const std::string>(
      makeBootstrapScript(ProgramZip, LoaderName, HasLibraries));
  Boot.InputBytes = Boot.Bytes = Boot.Generated->size();
  Plan.Files.push_back(std::move(Boot));
  return Error::success();
}

static Error planTree(const FunctionSpec &Spec, const Inventory &Inv,
                      FunctionPlan &Plan) {
  for (const InventoryFile &F : Inv.Files) {
    StringRef Reason = secretReason(F.Path);
    if (!Reason.empty() && !is_contained(Spec.AllowSecrets, F.Path))
      return createStringError(
          "'" + F.Path + "' looks like a secret (" + Reason +
          "); exclude it, or allow it with \"allow_secrets\" in the config");
    Plan.Files.push_back(fromInventory(F, F.Path));
  }
  for (const std::string &Include : Spec.Includes) {
    Expected<PlannedFile> File =
        fromHost(Include, ("lib/" + sys::path::filename(Include)).str());
    if (!File)
      return File.takeError();
    Plan.Files.push_back(std::move(*File));
  }
  if (isNativeRuntime(Plan.Runtime)) {
    auto Boot = find_if(Plan.Files, [](const PlannedFile &F) {
      return F.ZipPath == "bootstrap";
    });
    if (Boot == Plan.Files.end())
      return createStringError("has no 'bootstrap' at its root, which " +
                               Plan.Runtime + " runs");
    // The entry point must be executable: a lost exec bit is the most common
    // reason a custom runtime zip fails to start.
    Boot->Executable = true;
  }
  return Error::success();
}

Expected<FunctionPlan> planFunction(const FunctionSpec &Spec,
                                    const Inventory &Inv,
                                    const PackOptions &Options) {
  FunctionPlan Plan;
  Plan.Name = Spec.Name;
  Plan.InputPath = Spec.Input;
  Plan.Runtime = Spec.Runtime;
  bool Native = Inv.Input == InputKind::ElfExecutable;
  if (Plan.Runtime.empty()) {
    if (Native || Inv.find("bootstrap"))
      Plan.Runtime = DefaultNativeRuntime.str();
    else
      return createStringError("cannot tell its runtime (no ELF executable, "
                               "no bootstrap): pass --runtime");
  }
  if (Native && !isNativeRuntime(Plan.Runtime))
    return createStringError("is a native executable, but runtime '" +
                             Plan.Runtime + "' is not provided.*");
  if (Error E = Native ? planNative(Spec, Inv, Options, Plan)
                       : planTree(Spec, Inv, Plan))
    return E;
  llvm::sort(Plan.Files, [](const PlannedFile &A, const PlannedFile &B) {
    return A.ZipPath < B.ZipPath;
  });
  for (size_t I = 1; I < Plan.Files.size(); ++I)
    if (Plan.Files[I].ZipPath == Plan.Files[I - 1].ZipPath)
      return createStringError("two files would go to '" +
                               Plan.Files[I].ZipPath + "'");
  return Plan;
}

} // namespace brisk
