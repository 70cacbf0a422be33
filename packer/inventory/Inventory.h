//===- Inventory.h - The files one function is made of --------------------===//
//
// An Inventory is a function's input flattened into plain data: every file
// with its path relative to the function root, what kind of file it is, its
// mode, size and content hash. Planning, stripping and zip writing work on
// inventories only, whatever the input was (an ELF executable, a folder, a zip
// or a tar).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_INVENTORY_H
#define BRISK_PACKER_INVENTORY_INVENTORY_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace brisk {

enum class FileKind { ElfExecutable, SharedObject, Other, Symlink };

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
  /// symlink). The key for deduplicating files across functions and layers
  /// (design.md); computed in the pass that reads the file to classify it, so
  /// it costs no extra read.
  std::string Sha256;
  /// Symlinks only: the target as stored, relative, resolving inside the tree.
  std::string LinkTarget;
  /// Where the bytes live: a file on disk, or a buffer read from an archive.
  std::string SourcePath;
  std::shared_ptr<llvm::MemoryBuffer> Contents;

  /// The bytes of a regular file.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> open() const;
};

struct Inventory {
  std::string InputPath;
  InputKind Input = InputKind::Folder;
  /// Sorted by Path.
  std::vector<InventoryFile> Files;

  uint64_t totalBytes() const;
  const InventoryFile *find(llvm::StringRef Path) const;
};

/// The bytes of a file: Contents when held in memory, else read from
/// SourcePath (an error naming it when that fails).
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
openSource(llvm::StringRef SourcePath,
           const std::shared_ptr<llvm::MemoryBuffer> &Contents);

/// Reads PATH (an ELF executable, a folder, or a zip/tar archive) into an
/// inventory. Hostile entries (absolute paths, "..", symlinks leaving the tree,
/// devices) are errors naming the entry. Hashing runs on \p Threads threads.
llvm::Expected<Inventory> readInventory(llvm::StringRef Path, unsigned Threads);

/// Classifies file contents by their ELF header.
FileKind classifyContents(llvm::StringRef Bytes);

} // namespace brisk

#endif
