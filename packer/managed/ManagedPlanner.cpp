//===- ManagedPlanner.cpp - Packing a Python or Node.js function's tree ---===//

#include "managed/ManagedPlanner.h"
#include "managed/InstalledPackages.h"
#include "managed/RuntimeCopies.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

static Expected<std::vector<OwnedGlob>> globs(ArrayRef<std::string> Texts,
                                              StringRef Key) {
  std::vector<OwnedGlob> Out;
  for (const std::string &T : Texts) {
    Expected<OwnedGlob> G = OwnedGlob::create(T);
    if (!G)
      return createStringError("bad " + Key + " pattern '" + T +
                               "': " + toString(G.takeError()));
    Out.push_back(std::move(*G));
  }
  return Out;
}

// strip_exclude names tree paths or packages: "numpy", "numpy/*",
// "node_modules/sharp/*", "@img/*".
static Error markUnstripped(const FunctionSpec &Spec, const TreeIndex &Tree,
                            const PackageIndex &Packages,
                            std::vector<PlannedFile> &Files) {
  Expected<std::vector<OwnedGlob>> Excludes =
      globs(Spec.StripExclude, "strip_exclude");
  if (!Excludes)
    return Excludes.takeError();
  if (Excludes->empty())
    return Error::success();
  for (size_t I = 0; I < Tree.files().size(); ++I) {
    int Owner = Packages.Owner[I];
    Files[I].KeepUnstripped = any_of(*Excludes, [&](const OwnedGlob &G) {
      return G.match(Files[I].ZipPath) ||
             (Owner >= 0 &&
              any_of(Packages.Packages[Owner].Names,
                     [&](const std::string &N) { return G.match(N); }));
    });
  }
  return Error::success();
}

Error planManagedFunction(const FunctionSpec &Spec, const PackOptions &Options,
                          FunctionPlan &Plan) {
  auto Managed = std::make_shared<ManagedPlan>();
  Expected<RuntimeFacts> Facts =
      loadRuntimeFacts(Options.RulesDir, Plan.Runtime);
  if (!Facts)
    return Facts.takeError();
  Managed->Facts = std::move(*Facts);
  Managed->Prune = Options.Prune;
  llvm::sort(Plan.Files, [](const PlannedFile &A, const PlannedFile &B) {
    return A.ZipPath < B.ZipPath;
  });
  TreeIndex Tree(Plan.Files);
  Expected<PackageIndex> Packages = indexPackages(Tree, Managed->Facts);
  if (!Packages)
    return Packages.takeError();

  std::vector<bool> Drop(Plan.Files.size(), false);
  for (const RuntimeCopy &C :
       findRuntimeCopies(Tree, *Packages, Managed->Facts)) {
    Managed->RuntimeCopies.push_back({C.Listed, C.Package, C.RuntimeVersion,
                                      C.Bytes, Options.DropRuntimeProvided});
    if (Options.DropRuntimeProvided)
      for (size_t F : Packages->Packages[C.PackageIndex].Files)
        Drop[F] = true;
  }

  Expected<PruneProfile> Profile = loadPruneProfile(
      Options.RulesDir, Managed->Facts.Language, Options.PruneProfiles);
  if (!Profile)
    return Profile.takeError();
  PruneSettings Settings;
  Settings.Tier = Options.Prune;
  Settings.PruneLicenses = Options.PruneLicenses;
  Settings.Environment = Spec.Environment;
  if (Managed->Facts.Language == ManagedLanguage::Python)
    Settings.BytecodeTag = bytecodeTagFor(Managed->Facts.version());
  Expected<std::vector<OwnedGlob>> Keep = globs(Spec.PruneKeep, "prune_keep");
  if (!Keep)
    return Keep.takeError();
  Settings.Keep = std::move(*Keep);
  std::vector<bool> Prune;
  for (PruneRecord &R : choosePruned(Tree, *Packages, Managed->Facts.Language,
                                     *Profile, Settings, Prune))
    // A dropped package is not pruned: it is gone whole.
    if (!Drop[*Tree.find(R.Path)])
      Managed->Pruned.push_back(std::move(R));

  if (Error E = markUnstripped(Spec, Tree, *Packages, Plan.Files))
    return E;
  std::vector<PlannedFile> Kept;
  for (size_t I = 0; I < Plan.Files.size(); ++I)
    if (!Drop[I] && !Prune[I])
      Kept.push_back(std::move(Plan.Files[I]));
  Plan.Files = std::move(Kept);
  Plan.Managed = std::move(Managed);
  return Error::success();
}

Error precompileManagedFunction(FunctionPlan &Plan, const PackOptions &Options,
                                StringRef ScratchDir) {
  ManagedPlan &M = *Plan.Managed;
  if (!Options.PrecompilePython || M.Facts.Language != ManagedLanguage::Python)
    return Error::success();
  Expected<PrecompileOutcome> Done =
      precompilePython(Plan, M.Facts.version(), ScratchDir);
  if (!Done)
    return Done.takeError();
  M.Precompiled = std::move(*Done);
  return Error::success();
}

Error describeManagedUnits(FunctionPlan &Plan) {
  ManagedPlan &M = *Plan.Managed;
  Expected<ManagedUnits> Units = buildManagedUnits(Plan, M.Facts);
  if (!Units)
    return Units.takeError();
  M.Units = std::move(*Units);
  return Error::success();
}

} // namespace brisk
