//===- Bootstrap.h - The script Lambda runs for a native function ---------===//

#ifndef BRISK_PACKER_PLAN_BOOTSTRAP_H
#define BRISK_PACKER_PLAN_BOOTSTRAP_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

/// Where Lambda extracts a function's layers.
inline constexpr llvm::StringLiteral LayerRoot = "/opt";

struct BootstrapSpec {
  /// The program, relative to the task root: bin/NAME.
  std::string ProgramPath;
  /// The bundled loader's file name, when the loader and libc are bundled.
  std::string LoaderName;
  /// The function's lib/ holds libraries that must win over the image's.
  bool HasLibraries = false;
  /// Its layers put libraries in /opt/lib, which must win as well.
  bool LayerLibraries = false;
  /// Lambda's task root, "/var/task".
  std::string TaskRoot = "/var/task";
  /// With LoaderName: the program's PT_INTERP names the bundled loader, so
  /// under the task root it is run directly; elsewhere (an unpacked zip run
  /// locally) through the loader.
  bool Direct = false;
  /// The loader (with libc) comes from a layer: /opt/lib, not lib/.
  bool LoaderInLayer = false;
  /// The bundled libc's gconv modules ship; from a layer or in lib/gconv.
  bool Gconv = false;
  bool GconvInLayer = false;
};

/// A /bin/sh script running the program so that the bundled libraries win:
/// the runtime's LD_LIBRARY_PATH lists the system folders before
/// /var/task/lib and /opt/lib. '$ORIGIN/../lib' is put first, which the
/// program and its re-executions read as the package's lib/ and any other
/// program it runs as that program's own ../lib; with layers, then
/// '$ORIGIN/../../task/../../opt/lib', which is /opt/lib from
/// /var/task/bin but names nothing from the image's folders (there is no
/// /task), so the image's programs the function starts keep the image's
/// libraries. Run through the loader, --library-path reaches the program
/// alone.
std::string makeBootstrapScript(const BootstrapSpec &Spec);

/// The LD_LIBRARY_PATH entry that is /opt/lib for programs in
/// \p TaskRoot/bin and for nothing else: see makeBootstrapScript.
std::string layerLibraryEntry(llvm::StringRef TaskRoot);

} // namespace brisk

#endif
