//===- ManagedPlanner.h - Packing a Python or Node.js function's tree -----===//
//
// For python3.X and nodejsNN.x the tree is planned as any tree (every file
// at its path, likely secrets refused), then:
//  - the packages the runtime ships itself are noted, or dropped with
//    --drop-runtime-provided (RuntimeCopies.h);
//  - --prune removes what its tier allows from installed packages
//    (Pruner.h);
//  - strip_exclude globs (tree paths or package names) keep ELF files as
//    they are; the others are stripped like any tree's, with verification.
// Before the content step, --precompile-python adds bytecode
// (PythonBytecode.h); after it, the function is described as units for the
// layer planner (ManagedUnits.h).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_MANAGEDPLANNER_H
#define BRISK_PACKER_MANAGED_MANAGEDPLANNER_H

#include "managed/ManagedUnits.h"
#include "managed/PruneProfile.h"
#include "managed/Pruner.h"
#include "managed/PythonBytecode.h"
#include "managed/RuntimeFacts.h"
#include "plan/FunctionPlan.h"
#include "plan/PackOptions.h"

#include <string>
#include <vector>

namespace brisk {

/// A package the function ships that its runtime ships too.
struct RuntimeCopyNote {
  /// The runtime's name for it ("boto3", "@aws-sdk/*").
  std::string Listed;
  std::string Package;
  std::string RuntimeVersion;
  uint64_t Bytes = 0;
  bool Dropped = false;
};

struct ManagedPlan {
  RuntimeFacts Facts;
  PruneTier Prune = PruneTier::Safe;
  /// Every file pruning removed, in path order.
  std::vector<PruneRecord> Pruned;
  std::vector<RuntimeCopyNote> RuntimeCopies;
  /// Set when --precompile-python was asked for.
  std::optional<PrecompileOutcome> Precompiled;
  /// The function as units, once stripped.
  ManagedUnits Units;
};

/// Turns \p Plan, a managed runtime's tree as planned from its inventory,
/// into what ships (see above); Plan.Managed describes it.
llvm::Error planManagedFunction(const FunctionSpec &Spec,
                                const PackOptions &Options, FunctionPlan &Plan);

/// Before the content step: bytecode, when asked for, compiled into
/// \p ScratchDir.
llvm::Error precompileManagedFunction(FunctionPlan &Plan,
                                      const PackOptions &Options,
                                      llvm::StringRef ScratchDir);

/// After the content step (files hashed and stripped): the units.
llvm::Error describeManagedUnits(FunctionPlan &Plan);

} // namespace brisk

#endif
