//===- InstalledPackages.cpp - The installed packages of a managed tree ---===//

#include "managed/InstalledPackages.h"

#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace llvm;

namespace brisk {

std::string InstalledPackage::label() const {
  std::string L = join(Names, "+");
  if (!Version.empty())
    L += " " + Version;
  return L;
}

std::string normalisePythonName(StringRef Name) {
  std::string Out;
  bool Separator = false;
  for (char C : Name) {
    if (C == '-' || C == '_' || C == '.') {
      Separator = true;
      continue;
    }
    if (Separator && !Out.empty())
      Out += '-';
    Separator = false;
    Out += toLower(C);
  }
  return Out;
}

// Rebuilds Packages and Owner from per-package claims, joining packages
// that share an entry or that \p Links joins.
static void regroup(PackageIndex &Index,
                    const std::vector<std::vector<size_t>> &Claims,
                    ArrayRef<std::pair<size_t, size_t>> Links) {
  EquivalenceClasses<size_t> Same;
  for (size_t P = 0; P < Claims.size(); ++P)
    Same.insert(P);
  std::vector<int> FirstClaim(Index.Owner.size(), -1);
  for (size_t P = 0; P < Claims.size(); ++P)
    for (size_t F : Claims[P]) {
      if (FirstClaim[F] < 0)
        FirstClaim[F] = P;
      else
        Same.unionSets(FirstClaim[F], P);
    }
  for (auto [A, B] : Links)
    Same.unionSets(A, B);

  // Merged packages take the place of their first member, so the order
  // follows the first metadata path.
  std::vector<InstalledPackage> Old = std::move(Index.Packages);
  std::map<size_t, size_t> NewIndex;
  Index.Packages.clear();
  std::fill(Index.Owner.begin(), Index.Owner.end(), -1);
  for (size_t P = 0; P < Claims.size(); ++P) {
    size_t Leader = *Same.findLeader(P);
    auto [It, New] = NewIndex.try_emplace(Leader, Index.Packages.size());
    if (New) {
      Index.Packages.push_back(Old[P]);
      Index.Packages.back().Files.clear();
    } else {
      append_range(Index.Packages[It->second].Names, Old[P].Names);
    }
    for (size_t F : Claims[P])
      Index.Owner[F] = It->second;
  }
  for (size_t F = 0; F < Index.Owner.size(); ++F)
    if (Index.Owner[F] >= 0)
      Index.Packages[Index.Owner[F]].Files.push_back(F);
}

void settleClaims(PackageIndex &Index, std::vector<std::vector<size_t>> Claims,
                  const TreeIndex &Tree, StringRef PackageRoot) {
  Index.Owner.assign(Tree.files().size(), -1);
  regroup(Index, Claims, {});
  std::vector<std::vector<size_t>> Settled(Index.Packages.size());
  for (size_t P = 0; P < Index.Packages.size(); ++P)
    Settled[P] = Index.Packages[P].Files;
  std::string Inside = PackageRoot.empty() ? "" : (PackageRoot + "/").str();
  bool Changed = false;
  for (size_t F = 0; F < Tree.files().size(); ++F) {
    const PlannedFile &File = Tree.files()[F];
    if (Index.Owner[F] >= 0 || !File.isSymlink() ||
        !StringRef(File.ZipPath).starts_with(Inside))
      continue;
    std::optional<size_t> Target =
        Tree.find(TreeIndex::resolveLink(File.ZipPath, File.LinkTarget));
    if (!Target || Index.Owner[*Target] < 0)
      continue;
    Settled[Index.Owner[*Target]].push_back(F);
    Changed = true;
  }
  if (!Changed)
    return;
  for (std::vector<size_t> &S : Settled)
    llvm::sort(S);
  regroup(Index, Settled, {});
}

void PackageIndex::merge(ArrayRef<std::pair<size_t, size_t>> Links) {
  std::vector<std::vector<size_t>> Claims;
  for (const InstalledPackage &P : Packages)
    Claims.push_back(P.Files);
  regroup(*this, Claims, Links);
}

Expected<PackageIndex> indexPackages(const TreeIndex &Tree,
                                     const RuntimeFacts &Facts) {
  if (Facts.Language == ManagedLanguage::Python)
    return indexPythonPackages(Tree);
  return indexNodePackages(Tree, Facts.PackageRoot);
}

} // namespace brisk
