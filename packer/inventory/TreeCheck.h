//===- TreeCheck.h - A tree that unzips and resolves as it should ---------===//
//
// Checks an inventory as a whole, once its entries are sorted: no path twice,
// no entry inside a file or symlink (unzip cannot make 'a/b' when 'a' is a
// file), and every symlink resolved the way the kernel will resolve it in
// /var/task, following links on the way: loops and self-links are errors,
// as is a chain that climbs out of the tree; a link to nothing is a warning.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_TREECHECK_H
#define BRISK_PACKER_INVENTORY_TREECHECK_H

#include "inventory/Inventory.h"

namespace brisk {

/// Checks \p Inv.Files (sorted by path); adds warnings to Inv.Warnings.
llvm::Error checkTree(Inventory &Inv);

} // namespace brisk

#endif
