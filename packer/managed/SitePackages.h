//===- SitePackages.h - A handler folder and a site-packages folder -------===//
//
// A Python function given as NAME=HANDLER_DIR:SITE_PACKAGES_DIR (or the
// config's "site_packages") is one tree: the packages of the site-packages
// folder join the handler's files at the function's root, as
// `pip install -t .` would have put them.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_SITEPACKAGES_H
#define BRISK_PACKER_MANAGED_SITEPACKAGES_H

#include "inventory/Inventory.h"

namespace brisk {

/// \p Handler with \p SitePackages' entries added at its root. A path both
/// hold (other than a folder in both) is an error naming it.
llvm::Expected<Inventory> joinSitePackages(Inventory Handler,
                                           Inventory SitePackages);

} // namespace brisk

#endif
