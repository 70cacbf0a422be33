//===- RuntimeProfile.h - What a Lambda runtime image provides ------------===//
//
// The data of rules/runtimes/<runtime>.json (schema in docs/runtimes.md): the
// C library and C++ runtime levels the base image provides, the sonames the
// dynamic loader finds there without help, and where layers are mounted.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_RUNTIMEPROFILE_H
#define BRISK_PACKER_ELF_RUNTIMEPROFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace brisk {

struct RuntimeProfile {
  std::string Name;         // "provided.al2023"
  std::string Architecture; // "x86_64" or "arm64"
  std::string Os;           // "Amazon Linux 2023"
  std::string Glibc;        // glibc version provided, "2.34"
  /// Highest GLIBCXX_ / CXXABI_ levels of the image's libstdc++; empty when
  /// the image ships no libstdc++ (then every GLIBCXX need is "too new").
  std::string Glibcxx;
  std::string Cxxabi;
  std::string
      Loader; // PT_INTERP the image resolves, "/lib64/ld-linux-x86-64.so.2"
  /// Sonames the image's loader finds by itself; never bundled unless a
  /// version check says the image's copy is too old.
  std::vector<std::string> ProvidedSonames;
  /// Sonames that make up the C library: bundled together, with the loader,
  /// when any of them is too old on the image.
  std::vector<std::string> GlibcSonames;
  /// Sonames of the C++ runtime (libstdc++.so.6, libgcc_s.so.1).
  std::vector<std::string> CxxRuntimeSonames;
  /// LD_LIBRARY_PATH of the runtime, in order.
  std::vector<std::string> LibraryPath;
  /// Where layer content goes, relative to /opt, by kind: "lib" -> "lib",
  /// "bin" -> "bin", "python" -> "python", ...
  std::map<std::string, std::string> LayerPaths;
  std::string TaskRoot; // "/var/task"

  bool provides(llvm::StringRef Soname) const;
  bool isGlibcFamily(llvm::StringRef Soname) const;
  bool isCxxRuntime(llvm::StringRef Soname) const;
};

/// Reads RulesDir/runtimes/<Runtime>.json for Architecture ("x86_64" or
/// "arm64"). An unknown runtime is an error that lists the known ones; an
/// architecture the file does not describe, or a malformed file, is an error
/// naming the file and the field.
llvm::Expected<RuntimeProfile>
loadRuntimeProfile(llvm::StringRef RulesDir, llvm::StringRef Runtime,
                   llvm::StringRef Architecture = "x86_64");

/// Parses one profile from JSON text; Origin names the text in errors.
llvm::Expected<RuntimeProfile>
parseRuntimeProfile(llvm::StringRef Json, llvm::StringRef Origin,
                    llvm::StringRef Architecture = "x86_64");

/// Names of the runtimes described in RulesDir/runtimes, sorted.
std::vector<std::string> knownRuntimes(llvm::StringRef RulesDir);

} // namespace brisk

#endif
