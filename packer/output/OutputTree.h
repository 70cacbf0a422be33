//===- OutputTree.h - Walk and remove output trees without following links ===//

#ifndef BRISK_PACKER_OUTPUT_OUTPUTTREE_H
#define BRISK_PACKER_OUTPUT_OUTPUTTREE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"

#include <string>
#include <vector>

namespace brisk {

struct TreeEntry {
  /// Relative to the tree's root, '/'-separated.
  std::string Path;
  llvm::sys::fs::file_type Type = llvm::sys::fs::file_type::status_error;
  unsigned Mode = 0;
  llvm::sys::fs::UniqueID ID;

  bool isFolder() const {
    return Type == llvm::sys::fs::file_type::directory_file;
  }
};

/// Every entry below \p Root, each folder before what it holds, as lstat(2)
/// sees it: symlinks are entries, never followed. A folder that cannot be
/// read is an error naming it.
llvm::Expected<std::vector<TreeEntry>> listTree(llvm::StringRef Root);

/// Removes \p Path and everything below it without following any symlink.
/// A missing \p Path is not an error.
llvm::Error removeTree(llvm::StringRef Path);

/// Flushes a folder's entries to disk, so that a rename of it or into it
/// survives a crash.
llvm::Error syncFolder(llvm::StringRef Path);

} // namespace brisk

#endif
