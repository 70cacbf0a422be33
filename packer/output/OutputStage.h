//===- OutputStage.h - OUT_DIR is always the old output or the new one ----===//
//
// A run builds its whole output in a staging folder beside OUT_DIR
// (".NAME.brisk-stage-XXXXXX" in OUT_DIR's parent), brings over what in
// OUT_DIR brisk-pack did not write (see ForeignFiles.h), and then swaps the
// two folders with one renameat2(RENAME_EXCHANGE): at every instant OUT_DIR
// is either the previous run's complete output or the new run's. The old
// tree, now at the staging name, is removed afterwards. A run killed at any
// point leaves only the staging folder, which the next run removes. Runs
// into one OUT_DIR are serialised by OutputLock (".NAME.brisk-lock").
//
// While the stage is being filled it holds ".brisk-stage/", the run's
// scratch folder, removed just before the swap: a leftover stage with it was
// never OUT_DIR and is all brisk-pack's; one without it is a replaced
// OUT_DIR, from which only what brisk-pack wrote or carried is removed.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_OUTPUT_OUTPUTSTAGE_H
#define BRISK_PACKER_OUTPUT_OUTPUTSTAGE_H

#include "output/OutputLock.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// The files below a finished output tree that brisk-pack wrote there, read
/// from that tree's own record of them (its manifest). Empty when the tree
/// has no record; an error when the record cannot be read.
using OwnedFilesReader =
    std::function<llvm::Expected<std::vector<std::string>>(llvm::StringRef)>;

class OutputStage {
public:
  /// Locks \p OutDir, removes what killed runs left beside it, checks that
  /// it is (or can become) a folder brisk-pack may replace, and creates the
  /// stage. \p RecordFile is the file \p OwnedFiles reads in a tree: it is
  /// removed last from a replaced tree, so that a run killed while removing
  /// one leaves what the next run can still tell. Notes on what it kept go
  /// to \p Warnings.
  static llvm::Expected<std::unique_ptr<OutputStage>>
  open(llvm::StringRef OutDir, llvm::StringRef RecordFile,
       OwnedFilesReader OwnedFiles, std::vector<std::string> &Warnings);
  OutputStage(const OutputStage &) = delete;
  OutputStage &operator=(const OutputStage &) = delete;
  /// Without commit(): removes the stage and the folders open() created.
  ~OutputStage();

  /// OUT_DIR as the user named it, for messages.
  llvm::StringRef outDir() const { return Shown; }
  /// The real OUT_DIR, symlinks resolved: what is replaced.
  llvm::StringRef realOutDir() const { return Real; }
  /// Private working files of this run; removed before the swap.
  llvm::StringRef scratchDir() const { return Scratch; }
  /// Every path brisk-pack uses beside OUT_DIR starts with this.
  llvm::StringRef siblingPrefix() const { return Sibling; }

  /// Creates OUT_DIR/\p RelPath in the new output (with its folders), lets
  /// \p Write fill the open descriptor, and flushes it to disk. Several
  /// threads may write files at once.
  llvm::Error writeFile(llvm::StringRef RelPath,
                        llvm::function_ref<llvm::Error(int FD)> Write);

  /// Makes the new output OUT_DIR in one step, then removes the old one.
  /// Names what it carried over, or had to keep, in \p Warnings.
  llvm::Error commit(std::vector<std::string> &Warnings);

private:
  OutputStage() = default;
  llvm::Error locate(llvm::StringRef OutDir);
  llvm::Error cleanLeftovers(std::vector<std::string> &Warnings);

  std::optional<OutputLock> Lock;
  OwnedFilesReader OwnedFiles;
  std::string Shown, Real, Parent, Name, Sibling, Stage, Scratch, RecordFile;
  /// What the previous run wrote in OUT_DIR, from its manifest.
  llvm::StringSet<> Owned;
  bool OutDirExists = false;
  unsigned OutDirMode = 0;
  /// Folders open() created on the way to OUT_DIR, outermost first.
  std::vector<std::string> CreatedParents;
  /// Folders writeFile() created in the stage, to flush before the swap.
  std::vector<std::string> StageFolders;
  /// Guards StageFolders and the making of folders.
  std::mutex FoldersLock;
  bool Committed = false;
};

} // namespace brisk

#endif
