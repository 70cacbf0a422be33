//===- PathSafety.h - Refuse paths that escape a function's tree ----------===//

#ifndef BRISK_PACKER_INVENTORY_PATHSAFETY_H
#define BRISK_PACKER_INVENTORY_PATHSAFETY_H

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// Normalises an entry path from an archive or a walk ("./a//b" -> "a/b").
/// Absolute paths, ".." components and empty names are errors.
llvm::Expected<std::string> normaliseEntryPath(llvm::StringRef Path);

/// Resolves symlink \p Target, found at entry \p LinkPath, lexically inside
/// the tree. Returns the tree-relative path it designates, or an error when it
/// is absolute or climbs out of the tree.
llvm::Expected<std::string> resolveLinkInTree(llvm::StringRef LinkPath,
                                              llvm::StringRef Target);

} // namespace brisk

#endif
