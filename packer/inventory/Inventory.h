//===- Inventory.h - The files one function is made of --------------------===//
//
// An Inventory is a function's input flattened into plain data: every file
// and folder with its path relative to the function root, what kind it is,
// its mode, size and content hash, and where its bytes are. Planning,
// stripping and zip writing work on inventories only, whatever the input was
// (an ELF executable, a folder, a zip or a tar). No file's contents are held
// in memory: archive entries are inflated once into a spool file in the
// run's scratch folder.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_INVENTORY_H
#define BRISK_PACKER_INVENTORY_INVENTORY_H

#include "inventory/FileSource.h"
#include "inventory/SizeBudget.h"
#include "inventory/TreeFilter.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

enum class FileKind { ElfExecutable, SharedObject, Other, Symlink, Folder };

llvm::StringRef fileKindName(FileKind Kind);

enum class InputKind { ElfExecutable, Folder, Archive };

struct InventoryFile {
  /// Relative to the function root, '/'-separated, never absolute, no "..".
  std::string Path;
  FileKind Kind = FileKind::Other;
  /// Permission bits as found in the input (0777 mask).
  uint32_t Mode = 0644;
  uint64_t Size = 0;
  /// Lower-case hex SHA-256 of the contents (of the link target text for a
  /// symlink; empty for a folder). The key for deduplicating files across
  /// functions and layers (design.md); computed in the one pass that reads
  /// the file to classify it.
  std::string Sha256;
  /// Symlinks only: the target as stored, relative, resolving inside the tree.
  std::string LinkTarget;
  /// Regular files only: where the bytes are.
  FileSource Source;
};

struct Inventory {
  std::string InputPath;
  InputKind Input = InputKind::Folder;
  /// Sorted by Path.
  std::vector<InventoryFile> Files;
  /// What is odd but packable (a dangling symlink), one message each.
  std::vector<std::string> Warnings;

  uint64_t totalBytes() const;
  const InventoryFile *find(llvm::StringRef Path) const;
};

struct InventoryOptions {
  /// Hashing threads; 0: every core.
  unsigned Threads = 0;
  /// Where an archive's entries are inflated to.
  std::string ScratchDir;
  SizeBudget Budget;
  /// Paths of a folder or archive to leave out; null: none.
  const TreeFilter *Filter = nullptr;
};

/// Reads PATH (an ELF executable, a folder, or a zip/tar archive) into an
/// inventory. Hostile entries (absolute paths, "..", symlinks leaving the
/// tree or looping, devices, a file where another entry needs a folder) are
/// errors naming the entry; sizes over the budget are OverLimitErrors.
llvm::Expected<Inventory> readInventory(llvm::StringRef Path,
                                        const InventoryOptions &Options);

/// Classifies file contents by their ELF header.
FileKind classifyContents(llvm::StringRef Bytes);

} // namespace brisk

#endif
