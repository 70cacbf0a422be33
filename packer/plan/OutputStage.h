//===- OutputStage.h - All of a run's outputs, or none --------------------===//
//
// Every output is written to a temporary file next to its final place and
// renamed there only when the whole run has succeeded; otherwise temporaries
// and the folders the run created are removed, so OUT_DIR is as it was.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_OUTPUTSTAGE_H
#define BRISK_PACKER_PLAN_OUTPUTSTAGE_H

#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

class OutputStage {
public:
  explicit OutputStage(llvm::StringRef OutDir) : OutDir(OutDir) {}
  OutputStage(const OutputStage &) = delete;
  OutputStage &operator=(const OutputStage &) = delete;
  ~OutputStage();

  /// A new temporary file that commit() renames to OutDir/\p RelPath.
  llvm::Expected<llvm::sys::fs::TempFile *> create(llvm::StringRef RelPath);

  /// Renames every file into place, in creation order.
  llvm::Error commit();

  llvm::StringRef outDir() const { return OutDir; }

private:
  struct Pending {
    llvm::sys::fs::TempFile File;
    std::string Final;
  };
  llvm::Error makeFolders(llvm::StringRef Dir);

  std::string OutDir;
  std::vector<std::unique_ptr<Pending>> Files;
  /// Folders this run created, outermost first.
  std::vector<std::string> CreatedFolders;
  bool Committed = false;
};

} // namespace brisk

#endif
