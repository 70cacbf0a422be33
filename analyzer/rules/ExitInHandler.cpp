//===- ExitInHandler.cpp - Ending the process from a handler --------------===//

#include "rules/ExitInHandler.h"

#include "rules/RuleSupport.h"

namespace brisk {

void ExitInHandler::check(const Analysis &A, FindingSink &Sink) const {
  forEachReachedMatch(
      A, Catalog, id(),
      [&](unsigned H, NodeId N, const CatalogMatch &Match,
          const SiteCatalogEntry &Entry) {
        if (Match.InForkedChild)
          return;
        std::string Message =
            "'" + Match.What + "' in handler '" +
            A.Model.handlers()[H].DisplayName +
            "': ends the process, so the invocation fails without a response "
            "and the next one pays a cold start: return an error response "
            "instead";
        Finding F =
            reachedFinding(A, *this, H, N, Match.Loc, Message, Match.Once);
        F.Category = Entry.Category;
        Sink.report(std::move(F));
      });
}

} // namespace brisk
