//===- InitInHandler.cpp - Expensive initialisation run per invocation ----===//

#include "rules/InitInHandler.h"

#include "rules/RuleSupport.h"

#include "llvm/ADT/STLExtras.h"

namespace brisk {

namespace {

/// "'What' in handler 'H': why it is expensive; what to do instead". The
/// catalogue's message says why, user entries without one get a generic
/// reason.
std::string describe(const SiteCatalogEntry &Entry, const CatalogMatch &Match,
                     llvm::StringRef Handler) {
  std::string Msg = "'" + Match.What + "' in handler '" + Handler.str() + "': ";
  if (!Entry.Message.empty())
    Msg += Entry.Message;
  else
    Msg += Entry.Kind == SiteKind::Construct ? "constructed per invocation"
                                             : "called per invocation";
  if (!Entry.Hint.empty())
    Msg += "; " + Entry.Hint;
  return Msg;
}

} // namespace

bool InitInHandler::isHoistable(const SiteCatalogEntry &Entry,
                                const CatalogMatch &Match, NodeId Where,
                                const Reachability &Reach) const {
  // Match.Args holds the origins of the entry's arguments that the call
  // actually has (PQconnectdb* names two, PQconnectdb takes one).
  switch (Entry.Condition) {
  case HoistCondition::Always:
    return true;
  case HoistCondition::RequestIndependent:
    return llvm::none_of(Match.Args, [&](const ValueOrigin &O) {
      return Reach.mayDependOnRequest(Where, O);
    });
  case HoistCondition::ConstantArgs:
    // Nothing known about the arguments proves nothing constant.
    return (Entry.Args.empty() || !Match.Args.empty()) &&
           llvm::all_of(Match.Args, [&](const ValueOrigin &O) {
             return Reach.isConstant(Where, O);
           });
  }
  return false;
}

void InitInHandler::check(const Analysis &A, FindingSink &Sink) const {
  forEachReachedMatch(
      A, Catalog, id(),
      [&](unsigned H, NodeId N, const CatalogMatch &Match,
          const SiteCatalogEntry &Entry) {
        if (!isHoistable(Entry, Match, N, A.Reach))
          return;
        Finding F = reachedFinding(
            A, *this, H, N, Match.Loc,
            describe(Entry, Match, A.Model.handlers()[H].DisplayName),
            Match.Once);
        F.Category = Entry.Category;
        // A local built the same way on every invocation can be built once:
        // make it a function-local static.
        if (!Match.FixText.empty() && A.Reach.isConstant(N, Match.FixRequires))
          F.Fixes.push_back({Match.FixLoc, 0, Match.FixText});
        Sink.report(std::move(F));
      });
}

} // namespace brisk
