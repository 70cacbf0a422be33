//===- ManagedRuntime.h - Emulating a runtime AWS supplies ----------------===//
//
// For python3.X and nodejsNN.x, Lambda runs its own interpreter and runtime
// interface client, which loads the handler from /var/task and /opt. verify
// emulates that inside the same sandbox: the host's interpreter (an ELF file
// found on PATH, with the libraries it and its standard library need) at
// /var/lang, brisk's small runtime interface client from
// rules/runtime-interface/ at /var/runtime, Lambda's module search path and
// none of the host's own packages.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_MANAGEDRUNTIME_H
#define BRISK_PACKER_VERIFY_MANAGEDRUNTIME_H

#include "elf/RuntimeProfile.h"
#include "verify/BaseImage.h"
#include "verify/RuntimeLaunch.h"
#include "verify/SandboxSpec.h"

#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace brisk {

struct RuntimeEmulation {
  std::vector<SandboxMount> Mounts;
  std::vector<std::string> Command;
  std::vector<std::pair<std::string, std::string>> Environment;
  /// The host interpreter used, for the output's emulation note.
  std::string Interpreter;
};

/// The folder of brisk's runtime interface client for \p Language.
std::string runtimeClientFolder(llvm::StringRef RulesDir,
                                llvm::StringRef Language);

/// The interpreter, libraries, client and command emulating \p Launch's
/// runtime; \p ClientDir (a copy of runtimeClientFolder) becomes
/// /var/runtime. Libraries \p Base already has are not added again. No ELF
/// interpreter on PATH that the sandbox can reach is an error saying which
/// one was looked for.
llvm::Expected<RuntimeEmulation>
emulateManagedRuntime(const RuntimeLaunch &Launch,
                      const RuntimeProfile &Profile, llvm::StringRef ClientDir,
                      const BaseImage &Base);

} // namespace brisk

#endif
