//===- SymbolVersions.cpp - glibc / libstdc++ compatibility ---------------===//

#include "elf/SymbolVersions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace brisk {

int compareVersions(StringRef A, StringRef B) {
  while (!A.empty() || !B.empty()) {
    auto [HeadA, RestA] = A.split('.');
    auto [HeadB, RestB] = B.split('.');
    // A missing component counts as 0 so that "2.34" == "2.34.0"; anything
    // not numeric compares as 0 rather than aborting the comparison.
    unsigned long long NumA = 0, NumB = 0;
    if (!HeadA.empty() && HeadA.getAsInteger(10, NumA))
      NumA = 0;
    if (!HeadB.empty() && HeadB.getAsInteger(10, NumB))
      NumB = 0;
    if (NumA != NumB)
      return NumA < NumB ? -1 : 1;
    A = RestA;
    B = RestB;
  }
  return 0;
}

std::optional<std::pair<VersionFamily, std::string>>
parseVersionName(StringRef Name) {
  static const std::pair<StringRef, VersionFamily> Prefixes[] = {
      {"GLIBCXX_", VersionFamily::Glibcxx},
      {"GLIBC_", VersionFamily::Glibc},
      {"CXXABI_", VersionFamily::Cxxabi}};
  for (const auto &[Prefix, Family] : Prefixes) {
    StringRef Version = Name;
    if (!Version.consume_front(Prefix) || Version.empty())
      continue;
    // GLIBC_PRIVATE and CXXABI_TM_1 are not levels one can compare.
    if (!all_of(Version, [](char C) { return isDigit(C) || C == '.'; }))
      return std::nullopt;
    return std::make_pair(Family, Version.str());
  }
  return std::nullopt;
}

static void addRequirements(const ElfInfo &Info, StringRef Path,
                            std::vector<VersionRequirement> &Out) {
  for (const VersionNeed &Need : Info.VersionNeeds) {
    auto Parsed = parseVersionName(Need.Version);
    if (!Parsed)
      continue;
    VersionRequirement Req;
    Req.Family = Parsed->first;
    Req.Name = Need.Version;
    Req.Version = Parsed->second;
    Req.Library = Need.Library;
    Req.NeededBy = Path.str();
    Out.push_back(std::move(Req));
  }
}

std::vector<VersionRequirement>
collectRequirements(const DependencyClosure &Closure,
                    const std::vector<std::string> &Sonames,
                    bool IncludeExecutable) {
  std::vector<VersionRequirement> Out;
  if (IncludeExecutable)
    addRequirements(Closure.ExecutableInfo, Closure.Executable, Out);
  for (const std::string &Soname : Sonames)
    if (const ResolvedLibrary *Lib = Closure.find(Soname))
      if (!Lib->RealPath.empty())
        addRequirements(Lib->Info, Lib->RealPath, Out);
  return Out;
}

static StringRef providedLevel(VersionFamily Family,
                               const RuntimeProfile &Runtime) {
  switch (Family) {
  case VersionFamily::Glibc:
    return Runtime.Glibc;
  case VersionFamily::Glibcxx:
    return Runtime.Glibcxx;
  case VersionFamily::Cxxabi:
    return Runtime.Cxxabi;
  }
  return "";
}

std::optional<VersionRequirement>
findTooNew(const std::vector<VersionRequirement> &Requirements,
           VersionFamily Family, const RuntimeProfile &Runtime) {
  StringRef Provided = providedLevel(Family, Runtime);
  std::optional<VersionRequirement> Worst;
  for (const VersionRequirement &Req : Requirements) {
    if (Req.Family != Family)
      continue;
    // An empty level means the image has no such library at all.
    if (!Provided.empty() && compareVersions(Req.Version, Provided) <= 0)
      continue;
    if (!Worst || compareVersions(Req.Version, Worst->Version) > 0) {
      Worst = Req;
      Worst->Provided = Provided.str();
    }
  }
  return Worst;
}

/// Requirements on libraries we ship are met by our own copies; only those
/// on the image's libraries can be too new.
static std::vector<VersionRequirement>
onImageLibraries(std::vector<VersionRequirement> Requirements,
                 const std::set<std::string> &Shipped) {
  llvm::erase_if(Requirements, [&](const VersionRequirement &Req) {
    return Shipped.count(Req.Library) != 0;
  });
  return Requirements;
}

static void shipFamily(const DependencyClosure &Closure,
                       const std::vector<std::string> &Family,
                       std::set<std::string> &Shipped) {
  for (const std::string &Soname : Family)
    if (const ResolvedLibrary *Lib = Closure.find(Soname))
      if (!Lib->RealPath.empty())
        Shipped.insert(Soname);
}

// Messages are about the packed executable, whose caller names it; a
// library that needs something is named here, as only this knows it.
static std::string neederPrefix(StringRef NeededBy,
                                const DependencyClosure &Closure) {
  if (NeededBy == Closure.Executable)
    return "";
  return (NeededBy + " ").str();
}

Expected<BundleDecision> decideBundle(const DependencyClosure &Closure,
                                      const RuntimeProfile &Runtime,
                                      bool AllowBundleLibc) {
  BundleDecision Decision;
  std::set<std::string> Shipped;
  for (const ResolvedLibrary &Lib : Closure.Libraries)
    if (!Lib.ProvidedByRuntime && !Lib.RealPath.empty())
      Shipped.insert(Lib.Soname);

  auto Requirements = [&] {
    std::vector<std::string> Names(Shipped.begin(), Shipped.end());
    return onImageLibraries(collectRequirements(Closure, Names, true), Shipped);
  };

  // The C++ runtime first: a bundled libstdc++ brings its own, usually
  // newer, glibc requirements into the second check.
  auto Reqs = Requirements();
  std::optional<VersionRequirement> Cxx =
      findTooNew(Reqs, VersionFamily::Glibcxx, Runtime);
  std::optional<VersionRequirement> Abi =
      findTooNew(Reqs, VersionFamily::Cxxabi, Runtime);
  if (Cxx || Abi) {
    Decision.CxxReason = Cxx ? Cxx : Abi;
    shipFamily(Closure, Runtime.CxxRuntimeSonames, Shipped);
  }
  Decision.BundleCxxRuntime =
      any_of(Runtime.CxxRuntimeSonames, [&](const std::string &Soname) {
        return Shipped.count(Soname) != 0;
      });

  Reqs = Requirements();
  std::optional<VersionRequirement> Glibc =
      findTooNew(Reqs, VersionFamily::Glibc, Runtime);
  // A program asking for a loader the image does not have (a musl or Nix
  // build, a custom --dynamic-linker) cannot start without its own.
  StringRef Interp = Closure.ExecutableInfo.Interpreter;
  bool ForeignLoader = !Interp.empty() && Interp != Runtime.Loader;
  if (Glibc || ForeignLoader) {
    if (!AllowBundleLibc && Glibc)
      return createStringError(
          inconvertibleErrorCode(),
          neederPrefix(Glibc->NeededBy, Closure) + "needs " + Glibc->Name +
              " (from " + Glibc->Library + ") but " + Runtime.Name +
              " has glibc " + Runtime.Glibc +
              "; rebuild on an older glibc or drop --no-bundle-libc");
    if (!AllowBundleLibc)
      return createStringError(
          inconvertibleErrorCode(),
          "asks for the loader " + Interp + " but " + Runtime.Name + " has " +
              Runtime.Loader +
              "; link with the standard loader or drop --no-bundle-libc");
    if (ForeignLoader)
      Decision.ForeignInterpreter = Interp.str();
    Decision.GlibcReason = Glibc;
    Decision.BundleLibc = true;
    shipFamily(Closure, Runtime.GlibcSonames, Shipped);

    // The loader must match the bundled libc exactly: take the one the
    // executable names, as found on this machine (the resolver enters it
    // under its soname, with the PT_INTERP path as where it was found).
    const ResolvedLibrary *Loader = nullptr;
    for (const ResolvedLibrary &Lib : Closure.Libraries)
      if (!Interp.empty() && Lib.Path == Interp && !Lib.RealPath.empty())
        Loader = &Lib;
    if (!Loader) {
      Loader = Closure.find(sys::path::filename(
          Interp.empty() ? StringRef(Runtime.Loader) : Interp));
      if (Loader && Loader->RealPath.empty())
        Loader = nullptr;
    }
    if (Loader) {
      Shipped.insert(Loader->Soname);
      Decision.LoaderName = Loader->Soname;
      Decision.LoaderPath = Loader->RealPath;
    } else if (!Interp.empty()) {
      Decision.LoaderName = sys::path::filename(Interp).str();
      Decision.LoaderPath = Interp.str();
    } else {
      return createStringError(inconvertibleErrorCode(),
                               "must be bundled with its C library but "
                               "names no loader (PT_INTERP)");
    }
  }

  Decision.BundledSonames.assign(Shipped.begin(), Shipped.end());
  return Decision;
}

} // namespace brisk
