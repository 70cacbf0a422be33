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

#include "managed/RuntimeFacts.h"
#include "plan/FunctionPlan.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace brisk {

struct ManagedUnitFile {
  /// Where it is in the function's zip ("numpy/__init__.py",
  /// "node_modules/lodash/lodash.js"): its PlannedFile's ZipPath.
  std::string FunctionPath;
  /// Where it goes in a layer's zip, extracted under /opt
  /// ("python/numpy/__init__.py", "nodejs/node_modules/lodash/lodash.js").
  std::string LayerPath;
};

struct ManagedUnit {
  /// Lower-case hex SHA-256 over the unit's entries (function path, kind,
  /// exec bit, content hash after pruning and stripping, link target), in
  /// path order: the same for identical installs in any function.
  std::string Id;
  /// Every entry of the package (files, links and folders), by path.
  std::vector<ManagedUnitFile> Files;
  uint64_t UnzippedBytes = 0;
  /// What its entries add to a zip (ZipEstimate.h).
  uint64_t EstimatedZipBytes = 0;
  /// Names of the functions that ship it (one per function here; the
  /// cross-function planner unites identical Ids).
  std::set<std::string> Functions;
  /// Ids of the units it needs next to it: a Node.js package's declared
  /// dependencies as Node resolves them from it. A layer holding this unit
  /// must hold these too, or a layer before it on the same functions.
  std::vector<std::string> DependsOn;
  /// Must not leave the function: a link of it points at the function's own
  /// files, or it loads a library from them (RUNPATH $ORIGIN), or a declared
  /// dependency resolves to them.
  bool MustStayInFunction = false;
};

struct ManagedUnits {
  /// In the order of their metadata's paths (the dist-info folder, the
  /// node_modules folder).
  std::vector<ManagedUnit> Units;
  /// "numpy 1.26.4", "@aws-sdk/client-s3 3.600.0": Units[i]'s package, for
  /// reports.
  std::vector<std::string> Labels;
  /// Why Units[i] must stay, when it must.
  std::vector<std::string> StayReasons;
  /// ZipPaths of the entries no package holds: they stay in the function.
  std::vector<std::string> FunctionOnly;
};

/// The units of \p Plan, a managed function's plan after pruning and
/// stripping (its files sorted by ZipPath, each with its Sha256). Packages
/// a library of which loads another's through $ORIGIN, or linked to each
/// other, are one unit. Unreadable metadata is an error naming the file.
llvm::Expected<ManagedUnits> buildManagedUnits(const FunctionPlan &Plan,
                                               const RuntimeFacts &Facts);

/// \p FunctionPath's place in a layer: Facts.PackageLayerPath joined with
/// the path inside Facts.PackageRoot.
std::string layerPathOf(llvm::StringRef FunctionPath,
                        const RuntimeFacts &Facts);

} // namespace brisk

#endif
