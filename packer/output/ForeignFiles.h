//===- ForeignFiles.h - What is in OUT_DIR that brisk-pack did not write --===//
//
// The new output replaces OUT_DIR whole, so what a user (or another tool)
// put there must come along: each such file is hard-linked into the new
// tree before the swap (the same file, never a copy: nothing is lost if the
// run dies, and removing the old tree afterwards only drops a link), and
// each such folder is made again. Which files brisk-pack wrote is the
// caller's knowledge (the previous manifest), so this works for any set of
// outputs.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_OUTPUT_FOREIGNFILES_H
#define BRISK_PACKER_OUTPUT_FOREIGNFILES_H

#include "output/OutputTree.h"

#include "llvm/ADT/StringSet.h"

namespace brisk {

struct ForeignFiles {
  /// What to carry, parents first.
  std::vector<TreeEntry> Entries;
  /// What to name in warnings: the outermost foreign entries ("docs/" for a
  /// folder holding only foreign files), sorted.
  std::vector<std::string> Named;
};

/// Everything below \p OutDir but the files in \p Owned, and the folders
/// that hold nothing else.
llvm::Expected<ForeignFiles> findForeignFiles(llvm::StringRef OutDir,
                                              const llvm::StringSet<> &Owned);

/// Links \p Foreign's files from \p OutDir into \p Stage and makes its
/// folders there with their modes. A foreign entry where the new output has
/// one is an error naming it (as \p Shown/PATH): brisk-pack never replaces
/// a file it did not write.
llvm::Error carryForeignFiles(const ForeignFiles &Foreign,
                              llvm::StringRef OutDir, llvm::StringRef Stage,
                              llvm::StringRef Shown);

/// Removes from \p OldTree (a replaced OUT_DIR) the files in \p Owned and the
/// files that are also, as the same file, in \p NewTree (carried over), then
/// every folder that is left empty, \p OldTree included. \p RecordFile, the
/// list of what is owned, goes last. Returns the paths it kept: files that
/// appeared in OUT_DIR while the run was replacing it.
std::vector<std::string> removeReplacedTree(llvm::StringRef OldTree,
                                            llvm::StringRef NewTree,
                                            const llvm::StringSet<> &Owned,
                                            llvm::StringRef RecordFile);

} // namespace brisk

#endif
