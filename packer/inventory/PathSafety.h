//===- PathSafety.h - Refuse paths that escape a function's tree ----------===//

#ifndef BRISK_PACKER_INVENTORY_PATHSAFETY_H
#define BRISK_PACKER_INVENTORY_PATHSAFETY_H

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// Normalises an entry path from an archive or a walk ("./a//b" -> "a/b").
/// Absolute paths, ".." components, empty names and names that are not
/// UTF-8 (zip names brisk-pack writes are UTF-8) are errors.
llvm::Expected<std::string> normaliseEntryPath(llvm::StringRef Path);

/// Whether an archive entry names the tree's root itself ("./", ".").
bool isTreeRoot(llvm::StringRef Path);

/// \p Path for a message: bytes that are not printable ASCII or UTF-8 as
/// \xNN.
std::string printablePath(llvm::StringRef Path);

/// Resolves symlink \p Target, found at entry \p LinkPath, lexically inside
/// the tree. Returns the tree-relative path it designates, or an error when it
/// is absolute or climbs out of the tree.
llvm::Expected<std::string> resolveLinkInTree(llvm::StringRef LinkPath,
                                              llvm::StringRef Target);

} // namespace brisk

#endif
