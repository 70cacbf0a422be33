//===- Pruner.cpp - Choose what --prune removes from installed packages ---===//

#include "managed/Pruner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

static bool isMetadata(ArrayRef<StringRef> Parts, ManagedLanguage Language) {
  if (Language == ManagedLanguage::Node)
    return Parts.back() == "package.json";
  return Parts.front().ends_with(".dist-info") ||
         Parts.front().ends_with(".egg-info");
}

static bool isLicense(StringRef Name) {
  std::string Lower = Name.lower();
  return StringRef(Lower).starts_with("license") ||
         StringRef(Lower).starts_with("licence") ||
         StringRef(Lower).starts_with("copying");
}

// The tag of a bytecode file name: "cpython-311" of "m.cpython-311.pyc" and
// of "m.cpython-311.opt-1.pyc".
static StringRef bytecodeTag(StringRef Name) {
  Name.consume_back(".pyc");
  StringRef Last = Name.rsplit('.').second;
  if (Last.starts_with("opt-"))
    Name = Name.rsplit('.').first;
  return Name.rsplit('.').second;
}

namespace {
class Chooser {
public:
  Chooser(const TreeIndex &Tree, ManagedLanguage Language,
          const PruneSettings &Settings)
      : Tree(Tree), Language(Language), Settings(Settings) {}

  /// The rule removing the entry at \p Path (split into \p Parts), or
  /// nullptr.
  const PruneRule *ruleFor(const PruneProfile &Profile,
                           ArrayRef<StringRef> Parts, bool IsFolder) const;

private:
  /// Whether component \p I may be the last of a folder a folder pattern
  /// matches: inside the package, never a package's own folder.
  bool eligible(ArrayRef<StringRef> Parts, size_t I) const {
    if (Language == ManagedLanguage::Python)
      return I >= 1;
    // Never a package folder: node_modules/<pkg>, node_modules/@scope/<pkg>,
    // at any depth.
    if (I == 0 || Parts[I - 1] == "node_modules")
      return false;
    return !(I >= 2 && Parts[I - 2] == "node_modules" &&
             Parts[I - 1].starts_with("@"));
  }
  bool applies(const PruneRule &Rule, ArrayRef<StringRef> Parts,
               size_t FolderEnd) const;

  const TreeIndex &Tree;
  ManagedLanguage Language;
  const PruneSettings &Settings;
};
} // namespace

bool Chooser::applies(const PruneRule &Rule, ArrayRef<StringRef> Parts,
                      size_t FolderEnd) const {
  auto Join = [&](size_t N) {
    std::string Out;
    for (size_t I = 0; I < N; ++I)
      Out += (I ? "/" : "") + Parts[I].str();
    return Out;
  };
  if (FolderEnd && Rule.UnlessPythonPackage &&
      Tree.find(Join(FolderEnd) + "/__init__.py"))
    return false;
  if (Rule.BytecodeForOtherPython &&
      bytecodeTag(Parts.back()) == Settings.BytecodeTag)
    return false;
  if (!Rule.RequiresSibling.empty()) {
    StringRef Stem = Parts.back().rsplit('.').first;
    std::string Dir = Join(Parts.size() - 1);
    std::string Sibling =
        (Dir.empty() ? "" : Dir + "/") + Stem.str() + Rule.RequiresSibling;
    if (!Tree.find(Sibling))
      return false;
  }
  for (const auto &[Name, Value] : Rule.UnlessEnvironment) {
    auto It = Settings.Environment.find(Name);
    if (It != Settings.Environment.end() &&
        StringRef(It->second).contains(Value))
      return false;
  }
  return true;
}

const PruneRule *Chooser::ruleFor(const PruneProfile &Profile,
                                  ArrayRef<StringRef> Parts,
                                  bool IsFolder) const {
  for (const PruneRule &Rule : Profile.Rules) {
    if (Rule.Tier == PruneTier::Aggressive &&
        Settings.Tier != PruneTier::Aggressive)
      continue;
    for (const PathPattern &P : Rule.Match) {
      size_t FolderEnd = 0;
      bool Matched;
      if (P.isFolderPattern()) {
        FolderEnd =
            P.matchFolder(Parts, [&](size_t I) { return eligible(Parts, I); });
        Matched = FolderEnd != 0;
      } else {
        // A file pattern never takes a folder: "*.md" is no folder.
        Matched = !IsFolder && P.matchFile(Parts);
      }
      if (Matched && applies(Rule, Parts, FolderEnd))
        return &Rule;
    }
  }
  return nullptr;
}

std::vector<PruneRecord>
choosePruned(const TreeIndex &Tree, const PackageIndex &Packages,
             ManagedLanguage Language, const PruneProfile &Profile,
             const PruneSettings &Settings, std::vector<bool> &Remove) {
  Remove.assign(Tree.files().size(), false);
  std::vector<PruneRecord> Records;
  if (Settings.Tier == PruneTier::None && !Settings.PruneLicenses)
    return Records;
  Chooser Choose(Tree, Language, Settings);
  for (size_t I = 0; I < Tree.files().size(); ++I) {
    const PlannedFile &F = Tree.files()[I];
    if (Packages.Owner[I] < 0)
      continue;
    SmallVector<StringRef, 16> Parts;
    StringRef(F.ZipPath).split(Parts, '/');
    if (isMetadata(Parts, Language))
      continue;
    std::string AsFolder = F.isFolder() ? F.ZipPath + "/" : "";
    if (any_of(Settings.Keep, [&](const OwnedGlob &G) {
          return G.match(F.ZipPath) || (F.isFolder() && G.match(AsFolder));
        }))
      continue;
    std::string Rule;
    if (!F.isFolder() && isLicense(Parts.back())) {
      if (!Settings.PruneLicenses)
        continue;
      Rule = "licenses";
    } else if (Settings.Tier != PruneTier::None) {
      // A folder entry is matched as the folder on the way to its contents.
      if (F.isFolder())
        Parts.push_back("");
      if (const PruneRule *R = Choose.ruleFor(Profile, Parts, F.isFolder()))
        Rule = R->Id;
    }
    if (Rule.empty())
      continue;
    Remove[I] = true;
    if (!F.isFolder())
      Records.push_back({F.ZipPath, F.Bytes, std::move(Rule)});
  }
  // A folder goes only when nothing in it stays.
  for (size_t I = Tree.files().size(); I-- > 0;) {
    if (!Remove[I] || !Tree.files()[I].isFolder())
      continue;
    auto [First, Last] = Tree.under(Tree.files()[I].ZipPath);
    for (size_t J = First; J < Last; ++J)
      if (!Remove[J]) {
        Remove[I] = false;
        break;
      }
  }
  return Records;
}

} // namespace brisk
