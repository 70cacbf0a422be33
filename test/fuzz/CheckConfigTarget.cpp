//===- CheckConfigTarget.cpp - Fuzz brisk-check's --config reader ---------===//
//
// As brisk-check reads it: the document, then its "init-catalog" entries
// merged over the shipped catalogue, where they may override entries by id.

#include "FuzzTargets.h"

#include "catalog/InitCatalog.h"
#include "rules/CheckConfig.h"

#include <cstdlib>
#include <string>

namespace brisk::fuzz {

void runCheckConfig(llvm::StringRef Input) {
  static const InitCatalog Shipped = [] {
    auto Catalog = loadInitCatalog(
        {std::string(BRISK_FUZZ_RULES_DIR "/init-catalog.json")});
    if (!Catalog)
      std::abort();
    return std::move(*Catalog);
  }();
  auto Config = parseCheckConfig(Input, "brisk-check.json");
  if (!Config) {
    llvm::consumeError(Config.takeError());
    return;
  }
  if (Config->CatalogDocument.empty())
    return;
  InitCatalog Catalog = Shipped;
  llvm::consumeError(mergeInitCatalog(Catalog, Config->CatalogDocument,
                                      "brisk-check.json: init-catalog"));
}

} // namespace brisk::fuzz
