//===- RuntimeGuess.h - Which managed runtime a tree is for ---------------===//
//
// Without --runtime, a tree is guessed only when its files leave no doubt:
// a *.py module at its root and no package.json is Python, of the version
// its compiled extension modules (*.cpython-3XY-*.so) name; a package.json
// at its root is Node.js, of the major version its "engines.node" names.
// Anything else is an error asking for --runtime.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_RUNTIMEGUESS_H
#define BRISK_PACKER_MANAGED_RUNTIMEGUESS_H

#include "inventory/Inventory.h"

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// The runtime \p Inv is for ("python3.11", "nodejs20.x"), "" when it has
/// neither a *.py module nor a package.json at its root, or an error saying
/// what is ambiguous and asking for --runtime. \p RulesDir says which
/// runtimes exist.
llvm::Expected<std::string> guessManagedRuntime(const Inventory &Inv,
                                                llvm::StringRef RulesDir);

} // namespace brisk

#endif
