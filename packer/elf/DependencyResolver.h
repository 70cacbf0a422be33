//===- DependencyResolver.h - Static DT_NEEDED closure of an executable ---===//
//
// Finds the shared libraries an executable loads the way glibc's loader would
// (DT_RPATH, library path, DT_RUNPATH, ld.so.conf, default directories), by
// reading ELF files only: nothing is ever executed.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_DEPENDENCYRESOLVER_H
#define BRISK_PACKER_ELF_DEPENDENCYRESOLVER_H

#include "elf/ElfFile.h"
#include "elf/RuntimeProfile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct ResolveOptions {
  /// --library-path: searched like LD_LIBRARY_PATH, after DT_RPATH and before
  /// DT_RUNPATH.
  std::vector<std::string> LibraryPath;
  /// --include: extra files (dlopen'd libraries) added to the closure with
  /// their own dependencies.
  std::vector<std::string> Includes;
  /// Prefix for /etc/ld.so.conf and the default directories; "" is the host.
  std::string SysRoot;
  /// Read SysRoot/etc/ld.so.conf (and its includes).
  bool UseLdSoConf = true;
  /// Read the default directories (/lib, /usr/lib and multiarch ones).
  bool UseDefaultDirs = true;
};

struct ResolvedLibrary {
  std::string Soname;   // the DT_NEEDED name (or the file name of an include)
  std::string Path;     // where it was found, as searched (may be a symlink);
                        // empty when only the runtime image provides it
  std::string RealPath; // Path with every symlink followed
  std::vector<std::string> NeededBy; // real paths of the objects needing it,
                                     // sorted; empty for --include files
  bool ProvidedByRuntime = false;    // the runtime image has this soname
  bool Included = false;             // came from --include
  ElfInfo Info;                      // read from RealPath (empty if not found)
};

struct DependencyClosure {
  std::string Executable; // real path of the executable
  ElfInfo ExecutableInfo;
  /// Every library reached, sorted by soname then real path: deterministic
  /// whatever the file system order.
  std::vector<ResolvedLibrary> Libraries;

  const ResolvedLibrary *find(llvm::StringRef Soname) const;
};

/// Resolves the transitive DT_NEEDED closure of Executable. A library that
/// is neither found nor provided by the runtime is an error naming it and the
/// object that needs it; a wrong-class or wrong-machine candidate is skipped
/// like the loader does.
llvm::Expected<DependencyClosure>
resolveDependencies(llvm::StringRef Executable, const ResolveOptions &Options,
                    const RuntimeProfile &Runtime);

/// The same for an executable whose ELF facts the caller has already read:
/// the file is not read again.
llvm::Expected<DependencyClosure>
resolveDependencies(llvm::StringRef Executable, const ElfInfo &ExecutableInfo,
                    const ResolveOptions &Options,
                    const RuntimeProfile &Runtime);

/// The directories of SysRoot/etc/ld.so.conf in order, following "include"
/// globs (relative ones against the including file's folder), each prefixed
/// with SysRoot. Missing file: empty list.
std::vector<std::string> readLdSoConf(llvm::StringRef SysRoot);

/// The folders the loader searches after every path an object names:
/// SysRoot/etc/ld.so.conf's (with Options.UseLdSoConf), then the defaults for
/// Machine, /lib/<multiarch>, /usr/lib/<multiarch>, /lib64 and /usr/lib64 for
/// 64-bit code, /lib, /usr/lib (with Options.UseDefaultDirs).
std::vector<std::string> systemLibraryDirs(const ResolveOptions &Options,
                                           uint16_t Machine, bool Is64Bit);

/// Expands $ORIGIN / ${ORIGIN} in a DT_RPATH/DT_RUNPATH entry; Origin is the
/// needing object's directory. $LIB and $PLATFORM depend on the target
/// machine's loader and are left as they are (such a directory is then not
/// found on the build host and searching goes on).
std::string expandOrigin(llvm::StringRef Entry, llvm::StringRef Origin);

} // namespace brisk

#endif
