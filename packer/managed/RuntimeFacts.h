//===- RuntimeFacts.h - What packing needs to know of a managed runtime ---===//
//
// From rules/runtimes/<runtime>.json (docs/runtimes.md): how it starts
// (verify/RuntimeLaunch.h: the language, its version, its search path), where
// installed packages sit in a function's tree and go in a layer, and the
// packages the runtime itself ships (boto3, the AWS SDK for JavaScript v3).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_RUNTIMEFACTS_H
#define BRISK_PACKER_MANAGED_RUNTIMEFACTS_H

#include "verify/RuntimeLaunch.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

enum class ManagedLanguage { Python, Node };

/// A package the runtime ships: a distribution name for Python ("boto3"), a
/// package name or glob for Node.js ("@aws-sdk/*").
struct RuntimePackage {
  std::string Name;
  std::string Version;
};

struct RuntimeFacts {
  std::string Runtime; // "python3.12"
  /// How Lambda starts it (language, version, search path), as verify reads
  /// it: one reading of the runtime file for packing and verifying.
  RuntimeLaunch Launch;
  ManagedLanguage Language = ManagedLanguage::Python;
  /// Where installed packages sit in the function's tree: "" (the root, as
  /// `pip install -t .` leaves them) or "node_modules".
  std::string PackageRoot;
  /// Where they go in a layer, relative to /opt: "python",
  /// "nodejs/node_modules".
  std::string PackageLayerPath;
  std::vector<RuntimePackage> RuntimePackages;

  /// "3.12", "20".
  const std::string &version() const { return Launch.LanguageVersion; }
};

/// Whether \p Runtime names a runtime AWS supplies the interpreter of
/// (python3.X, nodejsNN.x).
bool isManagedRuntime(llvm::StringRef Runtime);

/// Reads RulesDir/runtimes/<Runtime>.json. An unknown runtime is an error
/// listing the known ones; a missing or malformed field names the file.
llvm::Expected<RuntimeFacts> loadRuntimeFacts(llvm::StringRef RulesDir,
                                              llvm::StringRef Runtime);

/// The same from JSON text; \p Origin names it in errors.
llvm::Expected<RuntimeFacts> parseRuntimeFacts(llvm::StringRef Json,
                                               llvm::StringRef Origin);

} // namespace brisk

#endif
