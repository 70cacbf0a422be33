//===- ArchiveReader.h - Read zip and tar inputs through libarchive -------===//

#ifndef BRISK_PACKER_INVENTORY_ARCHIVEREADER_H
#define BRISK_PACKER_INVENTORY_ARCHIVEREADER_H

#include "inventory/Inventory.h"

namespace brisk {

/// Appends the folders, regular files and symlinks of the zip or tar at
/// \p Path to \p Files. Regular files are inflated into one spool file in
/// Options.ScratchDir, within Options.Budget; kind and hash are left to the
/// caller.
llvm::Error readArchive(llvm::StringRef Path, const InventoryOptions &Options,
                        std::vector<InventoryFile> &Files);

} // namespace brisk

#endif
