//===- SecretFilter.cpp - Files that must not ship by accident ------------===//

#include "plan/SecretFilter.h"
#include "plan/RulesFile.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using nlohmann::json;

namespace brisk {

static Error entryError(StringRef Where, size_t I, const Twine &What) {
  return createStringError(Where + "[" + Twine(I) + "]: " + What);
}

static bool readStrings(const json &Entry, const char *Key,
                        std::vector<std::string> &Out) {
  if (!Entry.contains(Key))
    return true;
  const json &List = Entry[Key];
  if (!List.is_array())
    return false;
  for (const json &S : List) {
    if (!S.is_string() || S.get<std::string>().empty())
      return false;
    Out.push_back(S.get<std::string>());
  }
  return true;
}

Error parseSecretPatterns(const json &Array, StringRef Where,
                          std::vector<SecretPattern> &Out) {
  if (!Array.is_array())
    return createStringError(Where + ": expected an array");
  for (size_t I = 0; I < Array.size(); ++I) {
    const json &Entry = Array[I];
    if (!Entry.is_object())
      return entryError(Where, I, "expected an object");
    for (const auto &Item : Entry.items())
      if (!is_contained({"match", "reason", "except", "contains"}, Item.key()))
        return entryError(Where, I, "unknown key '" + Item.key() + "'");
    SecretPattern P;
    for (auto [Key, Into] :
         {std::pair<const char *, std::string *>{"match", &P.Match},
          {"reason", &P.Reason}}) {
      if (!Entry.contains(Key) || !Entry[Key].is_string() ||
          Entry[Key].get<std::string>().empty())
        return entryError(Where, I,
                          "'" + Twine(Key) + "' must be a non-empty string");
      *Into = Entry[Key].get<std::string>();
    }
    if (!readStrings(Entry, "except", P.Except) ||
        !readStrings(Entry, "contains", P.Contains))
      return entryError(Where, I,
                        "'except' and 'contains' must be arrays of "
                        "non-empty strings");
    Out.push_back(std::move(P));
  }
  return Error::success();
}

Expected<GlobPattern> SecretFilter::glob(StringRef Text, StringRef Origin) {
  // A GlobPattern points into its text: keep the lower-cased copy alive.
  Texts.push_back(std::make_unique<std::string>(Text.lower()));
  Expected<GlobPattern> G = GlobPattern::create(*Texts.back());
  if (!G)
    return createStringError(Origin + ": bad pattern '" + Text +
                             "': " + toString(G.takeError()));
  return G;
}

Error SecretFilter::add(const SecretPattern &P, StringRef Origin) {
  Compiled C;
  StringRef Match = P.Match;
  C.Folder = Match.consume_back("/");
  SmallVector<StringRef, 4> Parts;
  Match.split(Parts, '/');
  for (StringRef Part : Parts) {
    Expected<GlobPattern> G = glob(Part, Origin);
    if (!G)
      return G.takeError();
    C.Components.push_back(std::move(*G));
  }
  for (const std::string &E : P.Except) {
    Expected<GlobPattern> G = glob(E, Origin);
    if (!G)
      return G.takeError();
    C.Except.push_back(std::move(*G));
  }
  C.Contains = P.Contains;
  C.Reason = P.Reason;
  Patterns.push_back(std::move(C));
  return Error::success();
}

Expected<SecretFilter> SecretFilter::load(StringRef RulesDir,
                                          ArrayRef<SecretPattern> Extra) {
  std::string Path;
  Expected<json> Root = readRulesFile(RulesDir, "secrets.json", Path);
  if (!Root)
    return Root.takeError();
  if (!Root->contains("secrets"))
    return createStringError(Path + ": expected an object with \"secrets\"");
  std::vector<SecretPattern> Listed;
  if (Error E =
          parseSecretPatterns((*Root)["secrets"], Path + ": secrets", Listed))
    return E;
  SecretFilter Filter;
  for (const SecretPattern &P : Listed)
    if (Error E = Filter.add(P, Path))
      return E;
  for (const SecretPattern &P : Extra)
    if (Error E = Filter.add(P, "secrets"))
      return E;
  return Filter;
}

// Whether the file holds one of \p Needles, read a chunk at a time; a match
// across two chunks is found through the tail kept from the first.
static Expected<bool> holdsAny(const FileSource &Source,
                               ArrayRef<std::string> Needles) {
  size_t Longest = 0;
  for (const std::string &N : Needles)
    Longest = std::max(Longest, N.size());
  std::string Window;
  bool Found = false;
  if (Error E = readSource(Source, [&](StringRef Chunk) {
        if (Found)
          return Error::success();
        Window += Chunk;
        Found = any_of(Needles, [&](const std::string &N) {
          return StringRef(Window).contains(N);
        });
        Window =
            Window.substr(Window.size() - std::min(Window.size(), Longest - 1));
        return Error::success();
      }))
    return E;
  return Found;
}

Expected<std::string> SecretFilter::reason(StringRef Path, bool IsFolder,
                                           const FileSource *Source) const {
  if (IsFolder)
    return "";
  std::string Lower = Path.lower();
  SmallVector<StringRef, 8> Parts;
  StringRef(Lower).split(Parts, '/');
  for (const Compiled &C : Patterns) {
    size_t N = C.Components.size();
    auto MatchesAt = [&](size_t First) {
      for (size_t I = 0; I < N; ++I)
        if (!C.Components[I].match(Parts[First + I]))
          return false;
      return true;
    };
    bool Matched = false;
    if (C.Folder) {
      // Any folder on the way: what is in it, not the (empty) folder.
      for (size_t First = 0; !Matched && First + N < Parts.size(); ++First)
        Matched = MatchesAt(First);
    } else if (Parts.size() >= N) {
      Matched = MatchesAt(Parts.size() - N);
    }
    if (!Matched || any_of(C.Except, [&](const GlobPattern &G) {
          return G.match(Parts.back());
        }))
      continue;
    if (!C.Contains.empty()) {
      if (!Source)
        continue;
      Expected<bool> Holds = holdsAny(*Source, C.Contains);
      if (!Holds)
        return Holds.takeError();
      if (!*Holds)
        continue;
    }
    return C.Reason;
  }
  return "";
}

} // namespace brisk
