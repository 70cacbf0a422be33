//===- PathPattern.cpp - A glob per path component, matched at the end ----===//

#include "plan/PathPattern.h"

#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace brisk {

Expected<OwnedGlob> OwnedGlob::create(StringRef Text) {
  OwnedGlob G;
  G.Text = std::make_shared<std::string>(Text.str());
  Expected<GlobPattern> P = GlobPattern::create(*G.Text);
  if (!P)
    return P.takeError();
  G.Glob = std::move(*P);
  return G;
}

Expected<PathPattern> PathPattern::create(StringRef Text, StringRef Origin,
                                          bool IgnoreCase) {
  PathPattern P;
  std::string Owned = IgnoreCase ? Text.lower() : Text.str();
  StringRef Match = Owned;
  P.Folder = Match.consume_back("/");
  SmallVector<StringRef, 4> Parts;
  Match.split(Parts, '/');
  for (StringRef Part : Parts) {
    P.Texts.push_back(std::make_shared<std::string>(Part.str()));
    Expected<GlobPattern> G = GlobPattern::create(*P.Texts.back());
    if (!G)
      return createStringError(Origin + ": bad pattern '" + Text +
                               "': " + toString(G.takeError()));
    P.Parts.push_back(std::move(*G));
  }
  return P;
}

bool PathPattern::matchesAt(ArrayRef<StringRef> Components,
                            size_t First) const {
  for (size_t I = 0; I < Parts.size(); ++I)
    if (!Parts[I].match(Components[First + I]))
      return false;
  return true;
}

size_t PathPattern::matchFolder(ArrayRef<StringRef> Components,
                                function_ref<bool(size_t)> Eligible) const {
  if (!Folder)
    return 0;
  size_t N = Parts.size();
  // Folders on the way only: the last component is the file itself.
  for (size_t First = 0; First + N < Components.size(); ++First)
    if ((!Eligible || Eligible(First + N - 1)) && matchesAt(Components, First))
      return First + N;
  return 0;
}

bool PathPattern::matchFile(ArrayRef<StringRef> Components) const {
  if (Folder || Components.size() < Parts.size())
    return false;
  return matchesAt(Components, Components.size() - Parts.size());
}

} // namespace brisk
