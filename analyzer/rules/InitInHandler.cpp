//===- InitInHandler.cpp - Expensive initialisation run per invocation ----===//

#include "rules/InitInHandler.h"

#include "llvm/ADT/STLExtras.h"

namespace brisk {

namespace {

/// "'What' in handler 'H': why it is expensive; what to do instead". The
/// catalogue's message says why, user entries without one get a generic
/// reason.
std::string describe(const InitCatalogEntry &Entry, const CatalogMatch &Match,
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

bool InitInHandler::isHoistable(const InitCatalogEntry &Entry,
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

void InitInHandler::check(const ProgramModel &Model, const Reachability &Reach,
                          FindingSink &Sink) const {
  for (unsigned H = 0; H < Model.handlers().size(); ++H) {
    const Handler &Handler = Model.handlers()[H];
    for (NodeId N : Reach.perHandler()[H].Order) {
      for (const CatalogMatch &Match : Model.node(N).Fn->Matches) {
        if (Match.Once != OnceKind::None)
          continue;
        const InitCatalogEntry *Entry = Catalog.find(Match.EntryId);
        if (!Entry || Entry->Disabled || !isHoistable(*Entry, Match, N, Reach))
          continue;
        Finding F;
        F.Rule = id().str();
        F.Level = defaultSeverity();
        F.Category = Entry->Category;
        F.Loc = Match.Loc;
        F.Message = describe(*Entry, Match, Handler.DisplayName);
        F.Handler = Handler.DisplayName;
        for (const PathStep &Step : Reach.pathTo(H, N))
          F.Trace.push_back({Step.Caller == Handler.Entry
                                 ? Handler.DisplayName
                                 : Model.node(Step.Caller).Fn->QualifiedName,
                             Step.Site->CalleeName, Step.Site->Loc});
        Sink.report(std::move(F));
      }
    }
  }
}

} // namespace brisk
