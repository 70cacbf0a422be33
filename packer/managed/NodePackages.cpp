//===- NodePackages.cpp - The packages of a node_modules folder -----------===//
//
// Each node_modules/<pkg> and node_modules/@scope/<pkg> folder is one
// package with everything in it, its nested node_modules included: npm
// nests a dependency there when its version differs from the hoisted one,
// and Node finds it there first. Entries of node_modules that are not
// packages (.package-lock.json, .bin/ links npm makes for package scripts)
// stay the function's, except links to a package's files, which go with it.
//
//===----------------------------------------------------------------------===//

#include "managed/InstalledPackages.h"

#include "llvm/ADT/SmallVector.h"

#include <map>
#include <nlohmann/json.hpp>

using namespace llvm;

namespace brisk {

// The package folder of \p Path directly inside \p Root ("node_modules"),
// or "" when \p Path is not in a package.
static std::string packageFolder(StringRef Path, StringRef Root) {
  StringRef Rest = Path;
  if (!Rest.consume_front(Root) || !Rest.consume_front("/"))
    return "";
  SmallVector<StringRef, 4> Parts;
  Rest.split(Parts, '/', 2);
  if (Parts.empty() || Parts[0].empty() || Parts[0].starts_with("."))
    return "";
  if (!Parts[0].starts_with("@"))
    return (Root + "/" + Parts[0]).str();
  if (Parts.size() < 2 || Parts[1].empty())
    return ""; // the scope folder itself
  return (Root + "/" + Parts[0] + "/" + Parts[1]).str();
}

Expected<PackageIndex> indexNodePackages(const TreeIndex &Tree,
                                         StringRef PackageRoot) {
  std::map<std::string, std::vector<size_t>> Folders;
  for (size_t I = 0; I < Tree.files().size(); ++I) {
    std::string Folder = packageFolder(Tree.files()[I].ZipPath, PackageRoot);
    if (!Folder.empty())
      Folders[Folder].push_back(I);
  }
  PackageIndex Index;
  std::vector<std::vector<size_t>> Claims;
  for (auto &[Folder, Files] : Folders) {
    InstalledPackage P;
    P.Names = {StringRef(Folder).drop_front(PackageRoot.size() + 1).str()};
    P.Root = Folder;
    if (std::optional<size_t> Json = Tree.find(Folder + "/package.json");
        Json && Tree.files()[*Json].Kind == FileKind::Other) {
      Expected<std::string> Text = Tree.readSmall(*Json, MetadataBytesMax);
      if (!Text)
        return Text.takeError();
      nlohmann::json Root = nlohmann::json::parse(*Text, nullptr, false);
      if (Root.is_object() && Root.contains("version") &&
          Root["version"].is_string())
        P.Version = Root["version"].get<std::string>();
    }
    Index.Packages.push_back(std::move(P));
    Claims.push_back(std::move(Files));
  }
  settleClaims(Index, std::move(Claims), Tree, PackageRoot);
  return Index;
}

} // namespace brisk
