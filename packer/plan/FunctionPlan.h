//===- FunctionPlan.h - The files one function's zip will hold ------------===//
//
// The planner turns an inventory (and, for a native executable, its library
// closure) into a FunctionPlan; the strip step rewrites its ELF files; the
// layer step moves the files of shared units into layers; the writer turns it
// into a zip.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_FUNCTIONPLAN_H
#define BRISK_PACKER_PLAN_FUNCTIONPLAN_H

#include "inventory/Inventory.h"
#include "plan/Bootstrap.h"

#include <memory>
#include <optional>
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
  /// Lower-case hex SHA-256 of the bytes that ship, and their estimated
  /// size in a zip (entry overhead included); set by the content step.
  std::string Sha256;
  uint64_t ZipBytes = 0;
  /// The shareable unit this file belongs to (its library's real file, with
  /// the soname links to it): files of one unit go to a layer together.
  /// Empty: the function's own file, which stays in its zip.
  std::string Unit;
  /// Part of the bundled C library (the loader, a glibc library, a gconv
  /// module): no function running on the image's libc may receive it from
  /// a layer.
  bool CLibrary = false;
  /// Libraries: why it is there, the DT_NEEDED chain from the program
  /// ("greeting -> libcurl.so.4 -> libssh2.so.1").
  std::string Why;
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
  /// Native functions with a generated bootstrap: how it was made, to make
  /// it again once layers are known.
  std::optional<BootstrapSpec> Boot;
  /// Names of the layers it attaches, in order (set by the layer step).
  std::vector<std::string> Layers;
  /// What packs but deserves a word, one message each.
  std::vector<std::string> Warnings;
  /// Native functions: where its runtime's layers keep libraries (the
  /// runtime file's layer_paths.lib), so that shared libraries go there.
  std::string LibLayerDir = "lib";
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
