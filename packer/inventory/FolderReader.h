//===- FolderReader.h - Read a folder input -------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_FOLDERREADER_H
#define BRISK_PACKER_INVENTORY_FOLDERREADER_H

#include "inventory/Inventory.h"

namespace brisk {

/// Appends every folder, regular file and symlink below \p Root to
/// \p Files, from lstat(2) alone: no file is opened. A folder that cannot be
/// read is an error naming it, never a silent gap in the zip.
llvm::Error readFolder(llvm::StringRef Root, const InventoryOptions &Options,
                       std::vector<InventoryFile> &Files);

} // namespace brisk

#endif
