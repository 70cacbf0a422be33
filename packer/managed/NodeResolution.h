//===- NodeResolution.h - require() as Node.js resolves it, in a tree -----===//
//
// Node.js looks for require('x') from a file in folder D in D/node_modules/x,
// then in the node_modules of each parent folder (skipping folders that are
// themselves named node_modules), then in NODE_PATH. On Lambda, NODE_PATH is
// /opt/nodejs/nodeNN/node_modules:/opt/nodejs/node_modules:
// /var/runtime/node_modules:/var/runtime:/var/task, which has no
// /var/task/node_modules: a package moved to a layer finds its dependencies
// only in the layers. This is the part inside the function's tree.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_NODERESOLUTION_H
#define BRISK_PACKER_MANAGED_NODERESOLUTION_H

#include "managed/TreeIndex.h"

#include <string>
#include <vector>

namespace brisk {

/// The folder require(\p Name) from a file in \p Folder finds in the tree,
/// or "" when the tree has none (it may still be on NODE_PATH: the runtime's
/// own @aws-sdk/*).
std::string resolveNodeRequire(const TreeIndex &Tree, llvm::StringRef Folder,
                               llvm::StringRef Name);

/// One dependency a package.json declares.
struct NodeDependency {
  /// The folder of the package.json ("node_modules/a/node_modules/b").
  std::string From;
  std::string Name;
  /// "dependencies", "optionalDependencies" or "peerDependencies".
  std::string Kind;
  /// Where Node finds it from From, "" when the tree lacks it.
  std::string Resolved;
};

/// Whether \p Folder is a package folder: directly in a node_modules
/// folder, or in a scope folder directly in one.
bool isNodePackageFolder(llvm::StringRef Folder);

/// The declared dependencies of every package.json among \p Entries (entry
/// indices) that sits in a package folder, resolved; in entry order, then
/// declaration kind and name order. A package.json that is not JSON declares
/// nothing (Node would fail on it too, at require time).
llvm::Expected<std::vector<NodeDependency>>
readNodeDependencies(const TreeIndex &Tree, llvm::ArrayRef<size_t> Entries);

} // namespace brisk

#endif
