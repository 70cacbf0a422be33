//===- TreeCheck.cpp - A tree that unzips and resolves as it should -------===//

#include "inventory/TreeCheck.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <deque>

using namespace llvm;

namespace brisk {

namespace {

/// The tree as the kernel will see it under /var/task: entries by path, and
/// the folders that exist because something is inside them.
class Tree {
public:
  explicit Tree(const std::vector<InventoryFile> &Files) {
    for (const InventoryFile &F : Files) {
      ByPath[F.Path] = &F;
      for (StringRef P = parent(F.Path); !P.empty(); P = parent(P))
        Implied.insert(P);
    }
  }

  const InventoryFile *find(StringRef Path) const {
    auto It = ByPath.find(Path);
    return It == ByPath.end() ? nullptr : It->second;
  }
  bool holdsEntries(StringRef Path) const { return Implied.count(Path); }

  static StringRef parent(StringRef Path) {
    return sys::path::parent_path(Path, sys::path::Style::posix);
  }

  /// Resolves the symlink at \p LinkPath as path lookup does, following the
  /// links on the way; "" when it resolves, else why not.
  std::string resolve(const InventoryFile &Link, bool &Dangling) const {
    Dangling = false;
    SmallVector<std::string, 8> Stack;
    std::deque<std::string> Queue;
    auto Prepend = [&](StringRef Path) {
      SmallVector<StringRef, 8> Parts;
      Path.split(Parts, '/');
      for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
        Queue.push_front(It->str());
    };
    Prepend(Link.Path);
    std::vector<std::string> Chain;
    StringSet<> Seen;
    std::string Shown =
        "symlink '" + Link.Path + "' -> '" + Link.LinkTarget + "'";
    while (!Queue.empty()) {
      std::string Part = std::move(Queue.front());
      Queue.pop_front();
      if (Part.empty() || Part == ".")
        continue;
      if (Part == "..") {
        if (Stack.empty())
          return Shown + " leaves the tree (following the links on its way)";
        Stack.pop_back();
        continue;
      }
      std::string Path = join(Stack, "/");
      Path = Path.empty() ? Part : Path + "/" + Part;
      const InventoryFile *Entry = find(Path);
      if (Entry && Entry->Kind == FileKind::Symlink) {
        if (!Seen.insert(Path).second) {
          if (Chain.size() == 1)
            return Shown + " points at itself";
          Chain.push_back(Path);
          return Shown + " never resolves: " + join(Chain, " -> ") +
                 " is a loop";
        }
        // The kernel gives up after 40 links (ELOOP).
        if (Chain.size() >= 40)
          return Shown + " goes through more than 40 links";
        Chain.push_back(Path);
        Prepend(Entry->LinkTarget);
        continue;
      }
      bool IsFolder = (Entry && Entry->Kind == FileKind::Folder) ||
                      (!Entry && holdsEntries(Path));
      bool More = any_of(
          Queue, [](const std::string &P) { return !P.empty() && P != "."; });
      if (!Entry && !IsFolder) {
        Dangling = true;
        return Shown + " points at nothing in the tree";
      }
      if (More && !IsFolder) {
        Dangling = true;
        return Shown + " goes through '" + Path + "', which is not a folder";
      }
      Stack.push_back(std::move(Part));
    }
    // A link to a folder it is in makes the tree endless for anything that
    // follows links (the tree root included).
    std::string Target = join(Stack, "/");
    StringRef Dir = parent(Link.Path);
    if (Target.empty() || Dir == Target || Dir.starts_with(Target + "/"))
      return Shown + " points at " +
             (Target.empty() ? std::string("the tree root")
                             : "'" + Target + "', a folder it is in") +
             ": a loop for anything that follows links";
    return "";
  }

private:
  StringMap<const InventoryFile *> ByPath;
  StringSet<> Implied;
};

} // namespace

Error checkTree(Inventory &Inv) {
  std::vector<InventoryFile> &Files = Inv.Files;
  // The same folder twice is harmless (tar appends do it); anything else
  // twice is ambiguous.
  for (size_t I = 1; I < Files.size();)
    if (Files[I].Path == Files[I - 1].Path) {
      if (Files[I].Kind != FileKind::Folder ||
          Files[I - 1].Kind != FileKind::Folder)
        return createStringError("entry '" + Files[I].Path + "' appears twice");
      Files.erase(Files.begin() + I);
    } else {
      ++I;
    }

  Tree T(Files);
  for (const InventoryFile &F : Files) {
    if (F.Kind == FileKind::Folder || !T.holdsEntries(F.Path))
      continue;
    auto Inside = std::lower_bound(
        Files.begin(), Files.end(), F.Path + "/",
        [](const InventoryFile &E, StringRef P) { return E.Path < P; });
    return createStringError(
        "'" + F.Path + "' is " +
        (F.Kind == FileKind::Symlink ? "a symlink" : "a file") + ", but '" +
        Inside->Path + "' is inside it: no unzip can make both");
  }
  for (const InventoryFile &F : Files) {
    if (F.Kind != FileKind::Symlink)
      continue;
    bool Dangling;
    std::string Problem = T.resolve(F, Dangling);
    if (Problem.empty())
      continue;
    if (!Dangling)
      return createStringError(Problem);
    Inv.Warnings.push_back(Problem);
  }
  return Error::success();
}

} // namespace brisk
