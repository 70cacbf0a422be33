//===- SymbolVersions.h - glibc / libstdc++ compatibility with a runtime --===//
//
// Which GLIBC_*, GLIBCXX_* and CXXABI_* versions the files we ship require,
// whether the runtime image provides them, and what to bundle when it does
// not (the loader and libc family, or libstdc++ and libgcc_s).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_SYMBOLVERSIONS_H
#define BRISK_PACKER_ELF_SYMBOLVERSIONS_H

#include "elf/DependencyResolver.h"
#include "elf/RuntimeProfile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// Compares dotted numeric versions component by component ("2.9" < "2.34",
/// "3.4" < "3.4.1"). Returns <0, 0, >0.
int compareVersions(llvm::StringRef A, llvm::StringRef B);

enum class VersionFamily { Glibc, Glibcxx, Cxxabi };

/// Splits "GLIBC_2.34" into {Glibc, "2.34"}; None for anything else
/// (GLIBC_PRIVATE, GCC_3.0, OPENSSL_3.0.0).
std::optional<std::pair<VersionFamily, std::string>>
parseVersionName(llvm::StringRef Name);

struct VersionRequirement {
  VersionFamily Family = VersionFamily::Glibc;
  std::string Name;     // "GLIBC_2.35"
  std::string Version;  // "2.35"
  std::string Library;  // the library it is needed from, "libc.so.6"
  std::string NeededBy; // path of the object requiring it
  std::string Provided; // what the runtime has ("2.34"; "" if nothing)
};

struct BundleDecision {
  /// Ship the loader and the glibc family from the build host.
  bool BundleLibc = false;
  /// Ship libstdc++ and libgcc_s from the build host.
  bool BundleCxxRuntime = false;
  /// Sonames of the closure to copy into lib/, sorted.
  std::vector<std::string> BundledSonames;
  /// Host path of the loader to ship (when BundleLibc) and its file name.
  std::string LoaderPath;
  std::string LoaderName;
  /// Highest too-new requirement that made each decision.
  std::optional<VersionRequirement> GlibcReason;
  /// The executable's PT_INTERP when the image has no such loader (which
  /// also makes BundleLibc true); "" otherwise.
  std::string ForeignInterpreter;
  std::optional<VersionRequirement> CxxReason;
};

/// Every GLIBC_/GLIBCXX_/CXXABI_ requirement of the objects named, in a
/// deterministic order (object order as given, then file order).
std::vector<VersionRequirement>
collectRequirements(const DependencyClosure &Closure,
                    const std::vector<std::string> &Sonames,
                    bool IncludeExecutable);

/// The highest requirement of Family newer than what Runtime provides, or
/// None when all are satisfied.
std::optional<VersionRequirement>
findTooNew(const std::vector<VersionRequirement> &Requirements,
           VersionFamily Family, const RuntimeProfile &Runtime);

/// Decides what to ship with the closure's executable. The loader and C
/// library are bundled when a glibc requirement is too new or when the
/// executable's PT_INTERP is not the image's loader. With AllowBundleLibc
/// false, either is an error about the executable, which the caller names,
/// such as "/usr/lib/libfoo.so.1 needs GLIBC_2.35 (from libc.so.6) but
/// provided.al2023 has glibc 2.34; rebuild on an older glibc or drop
/// --no-bundle-libc" (no needer when it is the executable itself).
llvm::Expected<BundleDecision> decideBundle(const DependencyClosure &Closure,
                                            const RuntimeProfile &Runtime,
                                            bool AllowBundleLibc);

} // namespace brisk

#endif
