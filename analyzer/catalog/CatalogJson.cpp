//===- CatalogJson.cpp - Reading the catalogues' JSON files ---------------===//

#include "catalog/CatalogJson.h"

#include <nlohmann/json.hpp>

namespace brisk {

llvm::Error catalogError(llvm::StringRef File, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 File + ": " + What);
}

llvm::Error readStringArray(const nlohmann::json &Obj, const char *Key,
                            std::vector<std::string> &Out,
                            llvm::StringRef Where, llvm::StringRef Items,
                            llvm::StringRef File) {
  auto It = Obj.find(Key);
  if (It == Obj.end())
    return llvm::Error::success();
  auto Invalid = [&] {
    return catalogError(File, Where + ": \"" + Key + "\" must be an array of " +
                                  Items);
  };
  if (!It->is_array())
    return Invalid();
  Out.clear();
  for (const nlohmann::json &S : *It) {
    if (!S.is_string())
      return Invalid();
    Out.push_back(S.get<std::string>());
  }
  return llvm::Error::success();
}

} // namespace brisk
