//===- Bootstrap.h - The script Lambda runs for a native function ---------===//

#ifndef BRISK_PACKER_PLAN_BOOTSTRAP_H
#define BRISK_PACKER_PLAN_BOOTSTRAP_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

struct BootstrapSpec {
  /// The program, relative to the task root: bin/NAME.
  std::string ProgramPath;
  /// The bundled loader's file in lib/, when the loader and libc are.
  std::string LoaderName;
  /// lib/ holds libraries that must win over the runtime image's copies.
  bool HasLibraries = false;
  /// With LoaderName: the task root the program's PT_INTERP points into
  /// (root/lib/ld.so). There the program is run directly; elsewhere (an
  /// unpacked zip run locally) through the loader.
  std::string DirectRoot;
  /// lib/gconv holds the bundled libc's gconv modules.
  bool Gconv = false;
};

/// A /bin/sh script running the program so that the bundled libraries win:
/// the runtime's LD_LIBRARY_PATH lists the system folders before
/// /var/task/lib. '$ORIGIN/../lib' is put first on LD_LIBRARY_PATH, which
/// the program and its re-executions read as the package's lib/ and any
/// other program it runs as that program's own ../lib; run through the
/// loader, --library-path reaches the program alone.
std::string makeBootstrapScript(const BootstrapSpec &Spec);

} // namespace brisk

#endif
