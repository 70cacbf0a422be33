//===- SitePackages.cpp - A handler folder and a site-packages folder -----===//

#include "managed/SitePackages.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

Expected<Inventory> joinSitePackages(Inventory Handler,
                                     Inventory SitePackages) {
  std::vector<InventoryFile> Joined;
  Joined.reserve(Handler.Files.size() + SitePackages.Files.size());
  auto H = Handler.Files.begin(), S = SitePackages.Files.begin();
  while (H != Handler.Files.end() || S != SitePackages.Files.end()) {
    if (S == SitePackages.Files.end() ||
        (H != Handler.Files.end() && H->Path < S->Path)) {
      Joined.push_back(std::move(*H++));
      continue;
    }
    if (H == Handler.Files.end() || S->Path < H->Path) {
      Joined.push_back(std::move(*S++));
      continue;
    }
    if (H->Kind != FileKind::Folder || S->Kind != FileKind::Folder)
      return createStringError(
          "'" + H->Path + "' is in both '" + Handler.InputPath +
          "' and the site-packages "
          "folder '" +
          SitePackages.InputPath + "': a function can hold only one");
    Joined.push_back(std::move(*H++));
    ++S;
  }
  Handler.Files = std::move(Joined);
  append_range(Handler.Warnings, SitePackages.Warnings);
  return Handler;
}

} // namespace brisk
