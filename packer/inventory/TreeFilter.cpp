//===- TreeFilter.cpp - The paths of a tree input that are left out -------===//

#include "inventory/TreeFilter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

Expected<TreeFilter> TreeFilter::create(ArrayRef<std::string> Excludes) {
  TreeFilter Filter;
  for (const std::string &Text : Excludes) {
    Expected<GlobPattern> Glob = GlobPattern::create(Text);
    if (!Glob)
      return createStringError("bad exclude pattern '" + Text +
                               "': " + toString(Glob.takeError()));
    Filter.Excludes.push_back(std::move(*Glob));
  }
  return Filter;
}

// Absolute, with symlinks resolved as far as the path exists.
static SmallString<256> absolute(StringRef Path) {
  SmallString<256> Abs;
  if (!sys::fs::real_path(Path, Abs))
    return Abs;
  SmallString<256> Parent;
  if (!sys::fs::real_path(sys::path::parent_path(Path).empty()
                              ? "."
                              : sys::path::parent_path(Path),
                          Parent)) {
    sys::path::append(Parent, sys::path::filename(Path));
    return Parent;
  }
  Abs = Path;
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs;
}

void TreeFilter::excludeOwn(StringRef Root, StringRef Path, bool AsPrefix) {
  if (Path.empty())
    return;
  SmallString<256> RootAbs = absolute(Root), PathAbs = absolute(Path);
  StringRef Rel = PathAbs;
  if (!Rel.consume_front(RootAbs) || !Rel.consume_front("/") || Rel.empty())
    return;
  (AsPrefix ? OwnPrefixes : OwnFolders).push_back(Rel.str());
}

bool TreeFilter::isOwn(StringRef Path) const {
  return any_of(OwnFolders,
                [&](StringRef Own) {
                  return Path == Own ||
                         (Path.starts_with(Own) && Path[Own.size()] == '/');
                }) ||
         any_of(OwnPrefixes,
                [&](StringRef Own) { return Path.starts_with(Own); });
}

bool TreeFilter::skips(StringRef Path, bool IsFolder) const {
  std::string AsFolder = IsFolder ? (Path + "/").str() : "";
  return isOwn(Path) || any_of(Excludes, [&](const GlobPattern &G) {
           return G.match(Path) || (IsFolder && G.match(AsFolder));
         });
}

} // namespace brisk
