//===- RuntimeLaunch.h - How Lambda starts a runtime ----------------------===//
//
// What verify needs from rules/runtimes/<runtime>.json beyond the packer's
// RuntimeProfile: the handler Lambda passes when the function names none and,
// for a managed runtime (python3.X, nodejsNN.x), the language, its version
// and the module search path the runtime AWS supplies gives the handler.
// Schema in docs/runtimes.md.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_RUNTIMELAUNCH_H
#define BRISK_PACKER_VERIFY_RUNTIMELAUNCH_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct RuntimeLaunch {
  std::string DefaultHandler;
  /// "python" or "nodejs" for a managed runtime; empty for provided.*.
  std::string Language;
  std::string LanguageVersion; // "3.12", "20"
  /// Python: sys.path before the standard library. Node.js: NODE_PATH.
  std::vector<std::string> SearchPath;
  std::string ExecutionEnv; // AWS_EXECUTION_ENV, "AWS_Lambda_python3.12"

  bool isManaged() const { return !Language.empty(); }
};

/// Reads the 'handler' and 'managed' fields of
/// RulesDir/runtimes/<Runtime>.json.
llvm::Expected<RuntimeLaunch> loadRuntimeLaunch(llvm::StringRef RulesDir,
                                                llvm::StringRef Runtime);

/// The same from JSON text; Origin names it in errors.
llvm::Expected<RuntimeLaunch> parseRuntimeLaunch(llvm::StringRef Json,
                                                 llvm::StringRef Origin);

} // namespace brisk

#endif
