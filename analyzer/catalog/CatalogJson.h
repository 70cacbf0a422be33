//===- CatalogJson.h - Reading the catalogues' JSON files -----------------===//
//
// What the catalogues in rules/ share when they are read: errors that name
// the file, arrays of strings, and loading several files (brisk's own and
// the user's) into one catalogue.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CATALOG_CATALOGJSON_H
#define BRISK_ANALYZER_CATALOG_CATALOGJSON_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace brisk {

/// "File: What".
llvm::Error catalogError(llvm::StringRef File, const llvm::Twine &What);

/// Reads Obj[Key], when present, into Out (replacing what it held): an
/// array of strings, which errors call Items ("regexes", "strings").
llvm::Error readStringArray(const nlohmann::json &Obj, const char *Key,
                            std::vector<std::string> &Out,
                            llvm::StringRef Where, llvm::StringRef Items,
                            llvm::StringRef File);

/// Reads every file of Paths, in order, into one catalogue with
/// Merge(Catalog, Text, Path).
template <typename Catalog, typename MergeFn>
llvm::Expected<Catalog> loadCatalogFiles(llvm::ArrayRef<std::string> Paths,
                                         MergeFn Merge) {
  Catalog Into;
  for (const std::string &Path : Paths) {
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buf)
      return catalogError(Path, "cannot read: " + Buf.getError().message());
    if (auto E = Merge(Into, (*Buf)->getBuffer(), Path))
      return std::move(E);
  }
  return Into;
}

} // namespace brisk

#endif // BRISK_ANALYZER_CATALOG_CATALOGJSON_H
