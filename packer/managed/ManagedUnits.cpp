//===- ManagedUnits.cpp - A Python or Node.js function as units of sharing ===//

#include "managed/ManagedUnits.h"
#include "elf/ElfFile.h"
#include "managed/InstalledPackages.h"
#include "managed/ManagedPlanner.h"
#include "managed/NodeResolution.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <map>

using namespace llvm;
namespace path = llvm::sys::path;

namespace brisk {

std::string layerPathOf(StringRef FunctionPath, const RuntimeFacts &Facts) {
  StringRef Inside = FunctionPath;
  if (!Facts.PackageRoot.empty() && Inside.consume_front(Facts.PackageRoot))
    Inside.consume_front("/");
  return (Facts.PackageLayerPath + "/" + Inside).str();
}

namespace {
class UnitBuilder {
public:
  UnitBuilder(const FunctionPlan &Plan, const RuntimeFacts &Facts)
      : Plan(Plan), Facts(Facts), Tree(Plan.Files) {}

  Expected<ManagedUnits> build();

private:
  /// The package owning the entry at \p Path or, for a folder, the first
  /// entry in it; -2 when the tree has no such path.
  int ownerOf(StringRef Path) const {
    if (std::optional<size_t> I = Tree.find(Path))
      return Index.Owner[*I];
    auto [First, Last] = Tree.under(Path);
    return First == Last ? -2 : Index.Owner[First];
  }
  void linkOrStay(size_t File, StringRef Target, const Twine &Why);
  void readOriginPaths(size_t File);

  const FunctionPlan &Plan;
  const RuntimeFacts &Facts;
  TreeIndex Tree;
  PackageIndex Index;
  std::vector<std::pair<size_t, size_t>> Links;
  /// Per entry: why its package must stay in the function.
  std::map<size_t, std::string> StayReasons;
};
} // namespace

// A package reaching \p Target from its entry \p File must be where Target
// is: with Target's package, or in the function when Target is the
// function's own.
void UnitBuilder::linkOrStay(size_t File, StringRef Target, const Twine &Why) {
  int Owner = ownerOf(Target), Self = Index.Owner[File];
  if (Owner == -1)
    StayReasons.try_emplace(File, Why.str());
  else if (Owner >= 0 && Owner != Self)
    Links.push_back({size_t(Self), size_t(Owner)});
}

// Libraries an ELF file loads through RUNPATH/RPATH $ORIGIN (auditwheel's
// $ORIGIN/../numpy.libs, sharp's $ORIGIN/../../sharp-libvips-linux-x64/lib).
void UnitBuilder::readOriginPaths(size_t File) {
  const PlannedFile &F = Plan.Files[File];
  Expected<std::unique_ptr<MemoryBuffer>> Bytes = F.map();
  if (!Bytes) {
    consumeError(Bytes.takeError());
    return;
  }
  // A file llvm::object cannot read is not loaded by the loader either.
  Expected<ElfInfo> Info = readElfInfo((*Bytes)->getMemBufferRef());
  if (!Info) {
    consumeError(Info.takeError());
    return;
  }
  StringRef Dir = path::parent_path(F.ZipPath, path::Style::posix);
  for (const std::vector<std::string> *List : {&Info->RunPath, &Info->RPath})
    for (StringRef Entry : *List) {
      StringRef Rest = Entry;
      if (!Rest.consume_front("$ORIGIN") && !Rest.consume_front("${ORIGIN}"))
        continue;
      std::string Target = TreeIndex::normalise((Dir + Rest).str());
      if (!Target.empty())
        linkOrStay(File, Target,
                   "'" + F.ZipPath +
                       "' loads libraries from the function's "
                       "own '" +
                       Target + "' (RUNPATH $ORIGIN)");
    }
}

static std::string unitHash(const TreeIndex &Tree, ArrayRef<size_t> Files,
                            const RuntimeFacts &Facts) {
  SHA256 Hash;
  for (size_t I : Files) {
    const PlannedFile &F = Tree.files()[I];
    char Kind = F.isFolder() ? 'd' : F.isSymlink() ? 'l' : 'f';
    Hash.update(layerPathOf(F.ZipPath, Facts));
    Hash.update(StringRef("\0", 1));
    Hash.update(std::string{Kind, F.Executable ? 'x' : '-'});
    Hash.update(F.Sha256);
    Hash.update(StringRef("\0", 1));
    Hash.update(F.LinkTarget);
    Hash.update("\n");
  }
  return toHex(Hash.final(), /*LowerCase=*/true);
}

Expected<ManagedUnits> UnitBuilder::build() {
  Expected<PackageIndex> Found = indexPackages(Tree, Facts);
  if (!Found)
    return Found.takeError();
  Index = std::move(*Found);

  for (size_t I = 0; I < Plan.Files.size(); ++I) {
    const PlannedFile &F = Plan.Files[I];
    if (Index.Owner[I] < 0)
      continue;
    if (F.isSymlink()) {
      std::string Target = TreeIndex::resolveLink(F.ZipPath, F.LinkTarget);
      linkOrStay(I, Target,
                 "its link '" + F.ZipPath + "' points at the function's own '" +
                     Target + "'");
    } else if (F.Kind == FileKind::SharedObject ||
               F.Kind == FileKind::ElfExecutable) {
      readOriginPaths(I);
    }
  }
  Index.merge(Links);

  std::vector<std::vector<size_t>> Needs(Index.Packages.size());
  if (Facts.Language == ManagedLanguage::Node)
    for (size_t P = 0; P < Index.Packages.size(); ++P) {
      Expected<std::vector<NodeDependency>> Deps =
          readNodeDependencies(Tree, Index.Packages[P].Files);
      if (!Deps)
        return Deps.takeError();
      for (const NodeDependency &D : *Deps) {
        if (D.Resolved.empty())
          continue;
        int Owner = ownerOf(D.Resolved);
        if (Owner == -1)
          StayReasons.try_emplace(Index.Packages[P].Files.front(),
                                  "its dependency '" + D.Name +
                                      "' resolves to the function's own '" +
                                      D.Resolved + "'");
        else if (Owner >= 0 && size_t(Owner) != P)
          Needs[P].push_back(Owner);
      }
    }

  ManagedUnits Out;
  std::vector<size_t> Order(Index.Packages.size());
  for (size_t P = 0; P < Index.Packages.size(); ++P)
    Order[P] = P;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return Index.Packages[A].Root < Index.Packages[B].Root;
  });
  std::vector<size_t> Position(Order.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Position[Order[I]] = I;
  for (size_t P : Order) {
    const InstalledPackage &Pkg = Index.Packages[P];
    ShareableUnit U;
    U.Id = unitHash(Tree, Pkg.Files, Facts);
    U.Name = Pkg.label();
    std::string Reason;
    for (size_t I : Pkg.Files) {
      const PlannedFile &F = Plan.Files[I];
      U.Files.push_back({F.ZipPath, layerPathOf(F.ZipPath, Facts)});
      U.UnzippedBytes += F.Bytes;
      U.ZipBytes += F.ZipBytes;
      if (auto It = StayReasons.find(I);
          Reason.empty() && It != StayReasons.end())
        Reason = It->second;
    }
    for (size_t N : Needs[P])
      U.Dependencies.push_back(Position[N]);
    llvm::sort(U.Dependencies);
    U.Dependencies.erase(
        std::unique(U.Dependencies.begin(), U.Dependencies.end()),
        U.Dependencies.end());
    U.MustStay = !Reason.empty();
    Out.Units.push_back(std::move(U));
    Out.StayReasons.push_back(std::move(Reason));
  }
  for (size_t I = 0; I < Plan.Files.size(); ++I)
    if (Index.Owner[I] < 0)
      Out.FunctionOnly.push_back(Plan.Files[I].ZipPath);
  return Out;
}

std::vector<FunctionUnit> managedFunctionUnits(const FunctionPlan &Plan) {
  std::vector<FunctionUnit> Out;
  if (!Plan.Managed)
    return Out;
  StringMap<size_t> IndexOf;
  for (size_t I = 0; I < Plan.Files.size(); ++I)
    IndexOf[Plan.Files[I].ZipPath] = I;
  for (const ShareableUnit &U : Plan.Managed->Units.Units) {
    FunctionUnit C;
    C.Unit = U;
    for (const UnitFile &F : U.Files)
      C.Files.push_back(IndexOf.at(F.FunctionPath));
    Out.push_back(std::move(C));
  }
  return Out;
}

Expected<ManagedUnits> buildManagedUnits(const FunctionPlan &Plan,
                                         const RuntimeFacts &Facts) {
  return UnitBuilder(Plan, Facts).build();
}

} // namespace brisk
