//===- ManagedUnits.h - A Python or Node.js function as units of sharing --===//
//
// What the layer planner gets from a managed function: its installed
// packages as runtime-neutral units (an installed package is moved whole or
// not at all; see InstalledPackages.h), and the files that stay in the
// function whatever the plan (its handler and own modules).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_MANAGEDUNITS_H
#define BRISK_PACKER_MANAGED_MANAGEDUNITS_H

#include "layers/ShareableUnit.h"
#include "managed/RuntimeFacts.h"
#include "plan/FunctionPlan.h"
#include "plan/UnitCollection.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

/// One function's installed packages as the layer planner's units
/// (layers/ShareableUnit.h), before the run's functions are merged: each
/// unit's Id is the SHA-256 over its entries (layer path, kind, exec bit,
/// content hash after pruning and stripping, link target) in path order, so
/// identical installs in any function have one id; Name is its package
/// ("numpy 1.26.4", "@aws-sdk/client-s3 3.600.0"); ZipBytes the content
/// step's estimate; Users is empty, and Dependencies are indices into Units
/// here: a Node.js package's declared dependencies as Node resolves them
/// from it, which a layer holding it must hold too. MustStay: a link of it
/// points at the function's own files, it loads a library from them
/// (RUNPATH $ORIGIN), or a declared dependency resolves to them.
struct ManagedUnits {
  /// In the order of their metadata's paths (the dist-info folder, the
  /// node_modules folder); each unit's Files by function path.
  std::vector<ShareableUnit> Units;
  /// Why Units[i] must stay, when it must.
  std::vector<std::string> StayReasons;
  /// ZipPaths of the entries no package holds: they stay in the function.
  std::vector<std::string> FunctionOnly;
};

/// The units of \p Plan, a managed function's plan after pruning and
/// stripping (its files sorted by ZipPath, each with its Sha256 and
/// ZipBytes from the content step). Packages
/// a library of which loads another's through $ORIGIN, or linked to each
/// other, are one unit. Unreadable metadata is an error naming the file.
llvm::Expected<ManagedUnits> buildManagedUnits(const FunctionPlan &Plan,
                                               const RuntimeFacts &Facts);

/// The units Plan.Managed describes, with their files' indices in \p Plan,
/// for the run's collection (plan/UnitCollection.h); none for a function
/// that is not managed.
std::vector<FunctionUnit> managedFunctionUnits(const FunctionPlan &Plan);

/// \p FunctionPath's place in a layer: Facts.PackageLayerPath joined with
/// the path inside Facts.PackageRoot.
std::string layerPathOf(llvm::StringRef FunctionPath,
                        const RuntimeFacts &Facts);

} // namespace brisk

#endif
