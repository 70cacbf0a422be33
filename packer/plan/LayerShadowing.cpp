//===- LayerShadowing.cpp - Files a function finds twice on its search path
//===//

#include "plan/LayerShadowing.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <tuple>

using namespace llvm;

namespace brisk {

namespace {
/// Where a function finds a path first: which layer, which unit.
struct Place {
  const LayerOutput *Layer = nullptr;
  const ShareableUnit *Unit = nullptr;
};

/// Files of one unit that something shadows: how many, the first by path.
struct Shadow {
  std::string FirstPath;
  size_t Files = 0;
};
} // namespace

static void count(Shadow &S, StringRef Path) {
  if (S.Files++ == 0 || Path < S.FirstPath)
    S.FirstPath = Path.str();
}

static std::string more(const Shadow &S) {
  if (S.Files == 1)
    return "";
  return " and " + std::to_string(S.Files - 1) + " more file" +
         (S.Files == 2 ? "" : "s");
}

std::vector<std::string> findShadowing(const std::vector<FunctionPlan> &Plans,
                                       const std::vector<LayerOutput> &Layers,
                                       const LayerProblem &Problem) {
  StringMap<const ShareableUnit *> UnitById;
  for (const ShareableUnit &U : Problem.Units)
    UnitById[U.Id] = &U;
  StringMap<const LayerOutput *> LayerByName;
  for (const LayerOutput &L : Layers)
    LayerByName[L.Name] = &L;

  std::vector<std::string> Notes;
  for (const FunctionPlan &Plan : Plans) {
    // Keyed by the path under the search root, which is the unit file's
    // path in a function: "yaml/__init__.py", "node_modules/ms/index.js".
    StringMap<Place> Seen;
    // (shadowed layer, its unit, the later layer or null for the function).
    std::map<std::tuple<const LayerOutput *, const ShareableUnit *,
                        const LayerOutput *>,
             Shadow>
        Found;
    for (const std::string &Name : Plan.Layers) {
      const LayerOutput *L = LayerByName.lookup(Name);
      if (!L)
        continue;
      StringSet<> Folders;
      for (const PlannedFile &F : L->Files)
        if (F.isFolder())
          Folders.insert(F.ZipPath);
      for (const std::string &Id : L->UnitIds) {
        const ShareableUnit *U = UnitById.lookup(Id);
        if (!U)
          continue;
        for (const UnitFile &F : U->Files) {
          if (Folders.contains(F.LayerPath))
            continue;
          auto [It, New] = Seen.try_emplace(F.FunctionPath, Place{L, U});
          if (New || It->second.Unit == U)
            continue;
          count(Found[{It->second.Layer, It->second.Unit, L}], F.FunctionPath);
          It->second = {L, U};
        }
      }
    }
    for (const PlannedFile &F : Plan.Files) {
      if (F.isFolder())
        continue;
      auto It = Seen.find(F.ZipPath);
      if (It != Seen.end())
        count(Found[{It->second.Layer, It->second.Unit, nullptr}], F.ZipPath);
    }
    for (const auto &[Key, S] : Found) {
      const auto &[Layer, Unit, Later] = Key;
      std::string Shadowed =
          "'" + Unit->Name + "' of layer '" + Layer->Name + "'";
      if (Later)
        Notes.push_back("'" + Plan.Name + "': layer '" + Later->Name +
                        "' overwrites " + Shadowed + " at '" + S.FirstPath +
                        "'" + more(S));
      else
        Notes.push_back("'" + Plan.Name + "' ships its own '" + S.FirstPath +
                        "'" + more(S) + ", which shadows " + Shadowed +
                        " (attached for other units): the function's copy "
                        "is the one loaded");
    }
  }
  return Notes;
}

} // namespace brisk
