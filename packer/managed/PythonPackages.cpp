//===- PythonPackages.cpp - Python distributions and what they installed --===//
//
// A distribution is known by its metadata folder at the tree's root:
// NAME-VERSION.dist-info (RECORD: one CSV row per installed file, paths
// relative to site-packages) or NAME-VERSION.egg-info (installed-files.txt,
// paths relative to the egg-info folder), either with top_level.txt naming
// its importable top-level packages and modules. An egg-info may also be a
// single file; its package is then found by its name.
//
//===----------------------------------------------------------------------===//

#include "managed/InstalledPackages.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <set>

using namespace llvm;

namespace brisk {

namespace {
/// One distribution being identified.
struct Distribution {
  InstalledPackage Package;
  std::set<size_t> Claimed;
  /// Top-level folders and modules it names.
  std::set<std::string> TopLevel;
};
} // namespace

static StringRef topComponent(StringRef Path) { return Path.split('/').first; }

// Folders pip and setuptools fill with several distributions' files: only
// the files a distribution lists are its own.
static bool isSharedFolder(StringRef Top) {
  return is_contained({"bin", "include", "share", "etc", "lib", "lib64", "man",
                       "Scripts", "__pycache__"},
                      Top);
}

// The first CSV field of a RECORD row ("path,sha256=...,size"), quotes
// undone.
static std::string recordPath(StringRef Row) {
  if (!Row.starts_with("\""))
    return Row.split(',').first.str();
  std::string Out;
  for (size_t I = 1; I < Row.size(); ++I) {
    if (Row[I] == '"') {
      if (I + 1 < Row.size() && Row[I + 1] == '"') {
        Out += '"';
        ++I;
        continue;
      }
      break;
    }
    Out += Row[I];
  }
  return Out;
}

// A listed path as a tree path. Scripts pip installs with -t are listed
// relative to a temporary site-packages ("../../bin/x") and land in the
// target's bin/: a path climbing out of the tree is tried without its
// leading "..".
static std::optional<size_t> findListed(const TreeIndex &Tree, StringRef Base,
                                        StringRef Listed) {
  std::string Joined =
      Base.empty() ? Listed.str() : (Base + "/" + Listed).str();
  std::string Path = TreeIndex::normalise(Joined);
  if (Path.empty()) {
    StringRef Rest = Listed;
    while (Rest.consume_front("../"))
      ;
    Path = TreeIndex::normalise(Rest);
  }
  if (Path.empty())
    return std::nullopt;
  return Tree.find(Path);
}

static void claimTopLevel(const TreeIndex &Tree, StringRef Name,
                          Distribution &D) {
  if (Name.empty() || Name.contains('/') || Name.starts_with("."))
    return;
  if (Tree.isFolder(Name)) {
    D.TopLevel.insert(Name.str());
    return;
  }
  // A module: NAME.py, NAME.*.so, NAME.so, and its bytecode.
  for (size_t I = 0; I < Tree.files().size(); ++I) {
    StringRef P = Tree.files()[I].ZipPath;
    if (P.contains('/'))
      continue;
    if (P == (Name + ".py").str() || P == (Name + ".so").str() ||
        (P.starts_with((Name + ".").str()) && P.ends_with(".so")))
      D.Claimed.insert(I);
  }
}

static Error readList(const TreeIndex &Tree, std::optional<size_t> File,
                      SmallVectorImpl<std::string> &Lines, bool Record) {
  if (!File || Tree.files()[*File].Kind != FileKind::Other)
    return Error::success();
  Expected<std::string> Text = Tree.readSmall(*File, MetadataBytesMax);
  if (!Text)
    return Text.takeError();
  SmallVector<StringRef, 64> Rows;
  StringRef(*Text).split(Rows, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Row : Rows) {
    Row = Row.rtrim("\r");
    std::string Item = Record ? recordPath(Row) : Row.trim().str();
    if (!Item.empty())
      Lines.push_back(std::move(Item));
  }
  return Error::success();
}

static Error identify(const TreeIndex &Tree, StringRef Meta, bool IsFolder,
                      Distribution &D) {
  StringRef Stem = Meta;
  bool DistInfo = Stem.consume_back(".dist-info");
  if (!DistInfo)
    Stem.consume_back(".egg-info");
  auto [Name, Version] = Stem.split('-');
  D.Package.Names = {Name.str()};
  D.Package.Version = Version.split('-').first.str();
  D.Package.Root = Meta.str();
  if (!IsFolder) {
    D.Claimed.insert(*Tree.find(Meta));
  } else {
    auto [First, Last] = Tree.under(Meta);
    for (size_t I = First; I < Last; ++I)
      D.Claimed.insert(I);
    if (std::optional<size_t> Self = Tree.find(Meta))
      D.Claimed.insert(*Self);
  }

  SmallVector<std::string, 256> Listed, TopLevel;
  if (IsFolder) {
    if (Error E = readList(Tree, Tree.find((Meta + "/RECORD").str()), Listed,
                           /*Record=*/true))
      return E;
    if (Error E =
            readList(Tree, Tree.find((Meta + "/installed-files.txt").str()),
                     Listed, /*Record=*/false))
      return E;
    if (Error E = readList(Tree, Tree.find((Meta + "/top_level.txt").str()),
                           TopLevel, /*Record=*/false))
      return E;
  }
  // RECORD is relative to site-packages, installed-files.txt to the
  // egg-info folder.
  StringRef Base = DistInfo ? "" : Meta;
  for (const std::string &L : Listed)
    if (std::optional<size_t> I = findListed(Tree, Base, L)) {
      D.Claimed.insert(*I);
      StringRef Top = topComponent(Tree.files()[*I].ZipPath);
      if (Top != Tree.files()[*I].ZipPath && !isSharedFolder(Top) &&
          !Top.ends_with(".dist-info") && !Top.ends_with(".egg-info"))
        D.TopLevel.insert(Top.str());
    }
  for (const std::string &T : TopLevel)
    claimTopLevel(Tree, T, D);
  if (Listed.empty() && TopLevel.empty()) {
    // Nothing lists its files: its package has its name, as pip's
    // normalisation would spell an import name.
    std::string Import = normalisePythonName(Name);
    std::replace(Import.begin(), Import.end(), '-', '_');
    claimTopLevel(Tree, Import, D);
  }
  for (const std::string &Top : D.TopLevel) {
    auto [First, Last] = Tree.under(Top);
    for (size_t I = First; I < Last; ++I)
      D.Claimed.insert(I);
    if (std::optional<size_t> Self = Tree.find(Top))
      D.Claimed.insert(*Self);
  }
  // Bytecode of its top-level modules in the root __pycache__.
  std::vector<size_t> Modules(D.Claimed.begin(), D.Claimed.end());
  for (size_t I : Modules) {
    StringRef P = Tree.files()[I].ZipPath;
    if (P.contains('/') || !P.ends_with(".py"))
      continue;
    std::string Prefix = ("__pycache__/" + P.drop_back(3) + ".").str();
    auto [First, Last] = Tree.under("__pycache__");
    for (size_t J = First; J < Last; ++J)
      if (StringRef(Tree.files()[J].ZipPath).starts_with(Prefix))
        D.Claimed.insert(J);
  }
  return Error::success();
}

Expected<PackageIndex> indexPythonPackages(const TreeIndex &Tree) {
  StringSet<> Seen;
  std::vector<Distribution> Dists;
  for (const PlannedFile &F : Tree.files()) {
    StringRef Top = topComponent(F.ZipPath);
    if (!(Top.ends_with(".dist-info") || Top.ends_with(".egg-info")) ||
        !Seen.insert(Top).second)
      continue;
    Dists.emplace_back();
    bool IsFolder = Tree.isFolder(Top);
    if (Error E = identify(Tree, Top, IsFolder, Dists.back()))
      return E;
  }
  PackageIndex Index;
  std::vector<std::vector<size_t>> Claims;
  for (Distribution &D : Dists) {
    Index.Packages.push_back(std::move(D.Package));
    Claims.emplace_back(D.Claimed.begin(), D.Claimed.end());
  }
  settleClaims(Index, std::move(Claims), Tree, "");
  return Index;
}

} // namespace brisk
