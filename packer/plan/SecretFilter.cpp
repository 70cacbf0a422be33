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

Error SecretFilter::add(const SecretPattern &P, StringRef Origin) {
  Expected<PathPattern> Match =
      PathPattern::create(P.Match, Origin, /*IgnoreCase=*/true);
  if (!Match)
    return Match.takeError();
  Compiled C{std::move(*Match), {}, P.Contains, P.Reason};
  for (const std::string &E : P.Except) {
    Expected<PathPattern> G =
        PathPattern::create(E, Origin, /*IgnoreCase=*/true);
    if (!G)
      return G.takeError();
    C.Except.push_back(std::move(*G));
  }
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
    bool Matched = C.Match.isFolderPattern() ? C.Match.matchFolder(Parts) != 0
                                             : C.Match.matchFile(Parts);
    if (!Matched || any_of(C.Except, [&](const PathPattern &E) {
          return E.matchFile(ArrayRef(Parts).take_back());
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
