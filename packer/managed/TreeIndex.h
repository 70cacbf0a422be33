//===- TreeIndex.h - Look-ups over a plan's sorted paths ------------------===//

#ifndef BRISK_PACKER_MANAGED_TREEINDEX_H
#define BRISK_PACKER_MANAGED_TREEINDEX_H

#include "plan/FunctionPlan.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace brisk {

/// The files of a plan (sorted by ZipPath, as planFunction leaves them),
/// looked up by path.
class TreeIndex {
public:
  explicit TreeIndex(llvm::ArrayRef<PlannedFile> Files) : Files(Files) {}

  llvm::ArrayRef<PlannedFile> files() const { return Files; }

  /// The index of the entry at \p Path.
  std::optional<size_t> find(llvm::StringRef Path) const;

  /// Whether \p Path is a folder: a folder entry, or the parent of an entry.
  bool isFolder(llvm::StringRef Path) const;

  /// The indices [first, last) of the entries inside the folder \p Path.
  std::pair<size_t, size_t> under(llvm::StringRef Path) const;

  /// \p Target of the symlink at \p LinkPath as a tree path, or "" when it
  /// leaves the tree.
  static std::string resolveLink(llvm::StringRef LinkPath,
                                 llvm::StringRef Target);

  /// \p Path with "." and ".." removed, or "" when it climbs out.
  static std::string normalise(llvm::StringRef Path);

  /// The bytes of a small file (metadata), at most \p Max of them; an error
  /// names the file.
  llvm::Expected<std::string> readSmall(size_t Index, uint64_t Max) const;

private:
  llvm::ArrayRef<PlannedFile> Files;
};

} // namespace brisk

#endif
