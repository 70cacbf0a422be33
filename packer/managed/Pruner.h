//===- Pruner.h - Choose what --prune removes from installed packages -----===//
//
// Only files of installed packages (InstalledPackages.h) are ever removed,
// never the function's own. Metadata never goes (*.dist-info, *.egg-info,
// package.json: importlib.metadata and require need them), nor LICENSE
// files unless --prune-licenses, nor what the config's prune_keep globs
// name. Each removal is recorded with the rule that made it.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_PRUNER_H
#define BRISK_PACKER_MANAGED_PRUNER_H

#include "managed/InstalledPackages.h"
#include "managed/PruneProfile.h"

#include <map>
#include <string>
#include <vector>

namespace brisk {

struct PruneRecord {
  std::string Path;
  uint64_t Bytes = 0;
  /// The rule's id, or "licenses" for --prune-licenses.
  std::string Rule;
};

struct PruneSettings {
  PruneTier Tier = PruneTier::Safe;
  bool PruneLicenses = false;
  /// Globs over tree paths never removed.
  std::vector<OwnedGlob> Keep;
  std::map<std::string, std::string> Environment;
  /// Python: the bytecode tag of the runtime, "cpython-312".
  std::string BytecodeTag;
};

/// What pruning removes: \p Remove[I] for each entry of \p Tree that goes,
/// and a record per removed file or link (folders are not recorded), in
/// path order.
std::vector<PruneRecord>
choosePruned(const TreeIndex &Tree, const PackageIndex &Packages,
             ManagedLanguage Language, const PruneProfile &Profile,
             const PruneSettings &Settings, std::vector<bool> &Remove);

} // namespace brisk

#endif
