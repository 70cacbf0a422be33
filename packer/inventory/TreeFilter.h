//===- TreeFilter.h - The paths of a tree input that are left out ---------===//
//
// A function's "excludes" globs, and brisk-pack's own files when they lie
// inside a folder input (`brisk-pack -o dist fn=.`): OUT_DIR, the lock and
// staging folder beside it, and --keep-debug's folder.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_TREEFILTER_H
#define BRISK_PACKER_INVENTORY_TREEFILTER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"

#include <string>
#include <vector>

namespace brisk {

class TreeFilter {
public:
  /// Bad globs are errors naming them.
  static llvm::Expected<TreeFilter>
  create(llvm::ArrayRef<std::string> Excludes);

  /// Leaves out the folder \p Path, and everything in it, when it lies
  /// inside the folder input \p Root. With \p AsPrefix, every entry whose
  /// path starts with \p Path's ("dir/.dist.brisk-" leaves out
  /// "dir/.dist.brisk-lock").
  void excludeOwn(llvm::StringRef Root, llvm::StringRef Path,
                  bool AsPrefix = false);

  /// Whether the tree-relative \p Path is left out. A folder is matched with
  /// a trailing '/' too, as zip -x matches "dir/", so that "tests/*" leaves
  /// out the folder tests as well as what is in it.
  bool skips(llvm::StringRef Path, bool IsFolder) const;

  /// Whether \p Path is brisk-pack's own: nothing below it is looked at.
  bool isOwn(llvm::StringRef Path) const;

private:
  std::vector<llvm::GlobPattern> Excludes;
  std::vector<std::string> OwnFolders, OwnPrefixes;
};

} // namespace brisk

#endif
