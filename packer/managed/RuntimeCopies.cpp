//===- RuntimeCopies.cpp - Packages a function ships that the runtime has -===//

#include "managed/RuntimeCopies.h"
#include "plan/PathPattern.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

// Whether the function's package \p Name is the runtime's \p Listed: Python
// distribution names compare normalised, Node.js names as globs.
static bool sameName(StringRef Name, StringRef Listed, ManagedLanguage L) {
  if (L == ManagedLanguage::Python)
    return normalisePythonName(Name) == normalisePythonName(Listed);
  Expected<OwnedGlob> G = OwnedGlob::create(Listed);
  if (!G) {
    consumeError(G.takeError());
    return Name == Listed;
  }
  return G->match(Name);
}

std::vector<RuntimeCopy> findRuntimeCopies(const TreeIndex &Tree,
                                           const PackageIndex &Packages,
                                           const RuntimeFacts &Facts) {
  std::vector<RuntimeCopy> Copies;
  for (size_t P = 0; P < Packages.Packages.size(); ++P) {
    const InstalledPackage &Pkg = Packages.Packages[P];
    // A package merged with others (a namespace shared with another
    // distribution) is not the runtime's alone: dropping it would drop them.
    if (Pkg.Names.size() != 1)
      continue;
    auto Listed = find_if(Facts.RuntimePackages, [&](const RuntimePackage &R) {
      return sameName(Pkg.Names.front(), R.Name, Facts.Language);
    });
    if (Listed == Facts.RuntimePackages.end())
      continue;
    RuntimeCopy C;
    C.Package = Pkg.label();
    C.Listed = Listed->Name;
    C.RuntimeVersion = Listed->Version;
    C.PackageIndex = P;
    for (size_t F : Pkg.Files)
      C.Bytes += Tree.files()[F].Bytes;
    Copies.push_back(std::move(C));
  }
  return Copies;
}

} // namespace brisk
