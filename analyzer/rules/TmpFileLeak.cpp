//===- TmpFileLeak.cpp - Files under /tmp that pile up across invocations -===//

#include "rules/TmpFileLeak.h"

#include "model/ReturnedStrings.h"
#include "rules/RuleSupport.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <optional>

namespace brisk {

namespace {

bool isUnderTmp(llvm::StringRef Prefix) {
  return Prefix == "/tmp" || Prefix.starts_with("/tmp/");
}

struct FileSite {
  NodeId N = 0;
  const CatalogMatch *Match = nullptr;
  const SiteCatalogEntry *Entry = nullptr;
  /// With what the helpers it is built from return; none when the call
  /// names no path.
  std::optional<StringFacts> Path;
};

/// The constant start of argument I of Site in Caller, through what a
/// helper it starts with returns.
std::string argumentPrefix(const Analysis &A, NodeId Caller,
                           const CallSite &Site, unsigned I) {
  if (I < Site.ArgPrefixes.size() && !Site.ArgPrefixes[I].empty())
    return Site.ArgPrefixes[I];
  if (I >= Site.ArgPrefixCalls.size() || Site.ArgPrefixCalls[I].empty())
    return "";
  StringFacts Start;
  Start.PrefixCall = Site.ArgPrefixCalls[I];
  return withReturnedStrings(A.Model, Caller, Start).Prefix;
}

bool isParam(const std::string &Name) {
  return llvm::StringRef(Name).starts_with("param:");
}

/// Whether Removal may remove what Creation created (whose path starts
/// with Prefix). When the removal's path cannot be told (only a parameter,
/// a call's result), it may.
bool mayRemove(const FileSite &Removal, const FileSite &Creation,
               llvm::StringRef Prefix) {
  const std::optional<StringFacts> &R = Removal.Path;
  if (!R || (R->Prefix.empty() && llvm::all_of(R->Names, isParam)))
    return true;
  const StringFacts &C = *Creation.Path;
  // The same variable (a parameter is too coarse: every path built from the
  // request shares it).
  for (const std::string &Name : R->Names)
    if (!isParam(Name) && llvm::is_contained(C.Names, Name))
      return true;
  if (R->Prefix.empty())
    return false;
  if (R->Listing) // every entry of the listed directory
    return Prefix.starts_with(R->Prefix);
  if (R->Complete) // the file itself, or a directory holding it
    return Prefix == R->Prefix || Prefix.starts_with(R->Prefix + "/");
  return Prefix == R->Prefix; // one naming scheme: "/tmp/scratch-" + id
}

} // namespace

void TmpFileLeak::check(const Analysis &A, FindingSink &Sink) const {
  std::map<unsigned, std::vector<FileSite>> Creations, Removals;
  forEachReachedMatch(A, Catalog, id(),
                      [&](unsigned H, NodeId N, const CatalogMatch &Match,
                          const SiteCatalogEntry &Entry) {
                        FileSite S{N, &Match, &Entry, std::nullopt};
                        if (!Match.ArgStrings.empty())
                          S.Path = withReturnedStrings(
                              A.Model, N, Match.ArgStrings.front());
                        if (Entry.Category == "remove")
                          Removals[H].push_back(S);
                        else if (Entry.Category == "create" ||
                                 Entry.Category == "create-unique")
                          Creations[H].push_back(S);
                      });
  auto IsUniqueSource = [&](const std::string &Id) {
    const SiteCatalogEntry *E = Catalog.find(Id);
    return E && E->Category == "unique-name";
  };
  for (auto &[H, List] : Creations) {
    for (const FileSite &C : List) {
      if (!C.Path || C.Match->InForkedChild)
        continue;
      const StringFacts &Path = *C.Path;
      std::string Prefix = Path.Prefix.empty()
                               ? prefixFromCallers(A, H, C.N, Path)
                               : Path.Prefix;
      if (!isUnderTmp(Prefix))
        continue;
      const ValueOrigin &Name = C.Match->Args.front();
      bool Varies =
          C.Entry->Category == "create-unique" ||
          (!Path.Complete && (A.Reach.carriesRequest(C.N, Name) ||
                              llvm::any_of(Path.Sources, IsUniqueSource)));
      if (!Varies || llvm::any_of(Removals[H], [&](const FileSite &R) {
            return mayRemove(R, C, Prefix);
          }))
        continue;
      std::string Message =
          "'" + C.Match->What + "' in handler '" +
          A.Model.handlers()[H].DisplayName +
          "': creates a file under /tmp with a name that changes per "
          "invocation, and nothing removes it; /tmp (512 MB by default) "
          "persists across warm invocations and fills up: remove it before "
          "returning, or reuse one fixed name";
      Finding F = reachedFinding(A, *this, H, C.N, C.Match->Loc, Message,
                                 C.Match->Once);
      F.Category = C.Entry->Category;
      Sink.report(std::move(F));
    }
  }
}

std::string TmpFileLeak::prefixFromCallers(const Analysis &A, unsigned H,
                                           NodeId N, const StringFacts &Path) {
  // A helper creating the file at a path it was given: what its
  // per-invocation callers pass.
  for (const std::string &Name : Path.Names) {
    llvm::StringRef Index = Name;
    unsigned I = 0;
    if (!Index.consume_front("param:") || Index.getAsInteger(10, I))
      continue;
    for (NodeId Caller : A.Reach.perHandler()[H].Order)
      for (const Edge &E : A.Model.node(Caller).Out)
        if (E.Callee == N && A.Reach.runsPerInvocation(Caller, E.Site->Once)) {
          std::string Passed = argumentPrefix(A, Caller, *E.Site, I);
          if (isUnderTmp(Passed))
            return Passed;
        }
  }
  return "";
}

} // namespace brisk
