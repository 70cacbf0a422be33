//===- NodeResolution.cpp - require() as Node.js resolves it, in a tree ---===//

#include "managed/NodeResolution.h"
#include "managed/InstalledPackages.h"

#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
namespace path = llvm::sys::path;

namespace brisk {

std::string resolveNodeRequire(const TreeIndex &Tree, StringRef Folder,
                               StringRef Name) {
  StringRef Dir = Folder;
  while (true) {
    if (path::filename(Dir, path::Style::posix) != "node_modules") {
      std::string Candidate = Dir.empty()
                                  ? ("node_modules/" + Name).str()
                                  : (Dir + "/node_modules/" + Name).str();
      if (Tree.isFolder(Candidate) || Tree.find(Candidate))
        return Candidate;
    }
    if (Dir.empty())
      return "";
    Dir = path::parent_path(Dir, path::Style::posix);
  }
}

bool isNodePackageFolder(StringRef Folder) {
  StringRef Parent = path::parent_path(Folder, path::Style::posix);
  StringRef ParentName = path::filename(Parent, path::Style::posix);
  if (ParentName == "node_modules")
    return !path::filename(Folder, path::Style::posix).starts_with("@");
  return ParentName.starts_with("@") &&
         path::filename(path::parent_path(Parent, path::Style::posix),
                        path::Style::posix) == "node_modules";
}

Expected<std::vector<NodeDependency>>
readNodeDependencies(const TreeIndex &Tree, ArrayRef<size_t> Entries) {
  std::vector<NodeDependency> Out;
  for (size_t I : Entries) {
    const PlannedFile &F = Tree.files()[I];
    StringRef Folder = path::parent_path(F.ZipPath, path::Style::posix);
    if (path::filename(F.ZipPath, path::Style::posix) != "package.json" ||
        F.Kind != FileKind::Other || !isNodePackageFolder(Folder))
      continue;
    Expected<std::string> Text = Tree.readSmall(I, MetadataBytesMax);
    if (!Text)
      return Text.takeError();
    nlohmann::json Root = nlohmann::json::parse(*Text, nullptr, false);
    if (!Root.is_object())
      continue;
    for (const char *Kind :
         {"dependencies", "optionalDependencies", "peerDependencies"}) {
      auto List = Root.find(Kind);
      if (List == Root.end() || !List->is_object())
        continue;
      for (auto It = List->begin(); It != List->end(); ++It) {
        const std::string &Name = It.key();
        // A name that is not a package name cannot be required as one.
        if (Name.empty() || StringRef(Name).contains("..") ||
            StringRef(Name).starts_with("/"))
          continue;
        Out.push_back(
            {Folder.str(), Name, Kind, resolveNodeRequire(Tree, Folder, Name)});
      }
    }
  }
  return Out;
}

} // namespace brisk
