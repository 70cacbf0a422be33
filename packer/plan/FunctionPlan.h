//===- FunctionPlan.h - The files one function's zip will hold ------------===//
//
// The planner turns an inventory (and, for a native executable, its library
// closure) into a FunctionPlan; the strip step rewrites its ELF files; the
// writer turns it into a zip. Layers will be planned from several of these.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_FUNCTIONPLAN_H
#define BRISK_PACKER_PLAN_FUNCTIONPLAN_H

#include "inventory/Inventory.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

struct ManagedPlan;

struct PlannedFile {
  /// Path inside the zip.
  std::string ZipPath;
  FileKind Kind = FileKind::Other;
  bool Executable = false;
  /// Symlinks only.
  std::string LinkTarget;
  /// Where the bytes are: the input, or once stripped a copy in the run's
  /// scratch folder.
  FileSource Source;
  /// Generated contents (the bootstrap), used instead of Source when set.
  std::shared_ptr<const std::string> Generated;
  /// Size before and after stripping.
  uint64_t InputBytes = 0;
  uint64_t Bytes = 0;
  /// Set: the zip's copy of this program names this loader in PT_INTERP.
  std::string Interpreter;
  /// Lower-case hex SHA-256 of the bytes that go into the zip (of the link
  /// target for a symlink); empty for folders and generated files.
  std::string Sha256;
  /// Never stripped (a strip_exclude of the config).
  bool KeepUnstripped = false;

  bool isSymlink() const { return Kind == FileKind::Symlink; }
  bool isFolder() const { return Kind == FileKind::Folder; }
  /// Streams the bytes that go into the zip.
  llvm::Error
  read(llvm::function_ref<llvm::Error(llvm::StringRef)> Consume) const;
  /// The bytes in memory, for ELF files that llvm::object reads whole.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> map() const;
};

struct FunctionPlan {
  std::string Name;
  std::string Runtime;
  std::string InputPath;
  /// Sorted by ZipPath.
  std::vector<PlannedFile> Files;
  /// Native functions: what the closure decided, for the summary.
  unsigned BundledLibraries = 0;
  bool LibcBundled = false;
  /// glibc gconv modules shipped in lib/gconv with the bundled libc.
  unsigned GconvModules = 0;
  /// What packs but deserves a word, one message each.
  std::vector<std::string> Warnings;
  /// Python and Node.js functions: what packing their tree did
  /// (managed/ManagedPlanner.h).
  std::shared_ptr<ManagedPlan> Managed;

  uint64_t inputBytes() const;
  uint64_t unzippedBytes() const;
  /// inputBytes() - unzippedBytes(); negative if stripping ever grew a file.
  int64_t stripSavedBytes() const;
};

/// \p F at \p ZipPath, bytes and mode as in the input.
PlannedFile plannedFromInventory(const InventoryFile &F, std::string ZipPath);

/// The file \p HostPath of the build machine at \p ZipPath (a library, a
/// gconv module or its configuration): an ELF file is a shared object to
/// strip, anything else data.
llvm::Expected<PlannedFile> plannedFromHost(llvm::StringRef HostPath,
                                            std::string ZipPath);

} // namespace brisk

#endif
