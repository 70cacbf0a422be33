//===- Bootstrap.h - The script Lambda runs for a native function ---------===//

#ifndef BRISK_PACKER_PLAN_BOOTSTRAP_H
#define BRISK_PACKER_PLAN_BOOTSTRAP_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

/// A /bin/sh script running \p ProgramPath (relative to the task root).
/// With \p LoaderName, the program runs through lib/<LoaderName> with
/// --library-path lib, so the bundled libc wins; otherwise, when
/// \p HasLibraries, lib/ is put first on LD_LIBRARY_PATH because the
/// runtime's own value lists the system folders before /var/task/lib.
std::string makeBootstrapScript(llvm::StringRef ProgramPath,
                                llvm::StringRef LoaderName, bool HasLibraries);

} // namespace brisk

#endif
