//===- DetachedWork.cpp - Work that outlives the response -----------------===//

#include "rules/DetachedWork.h"

#include "rules/RuleSupport.h"

#include <set>

namespace brisk {

void DetachedWork::check(const Analysis &A, FindingSink &Sink) const {
  // Handlers that wait for a child somewhere on their per-invocation code.
  std::set<unsigned> Waits;
  forEachReachedMatch(A, Catalog, id(),
                      [&](unsigned H, NodeId, const CatalogMatch &,
                          const SiteCatalogEntry &Entry) {
                        if (Entry.Category == "wait")
                          Waits.insert(H);
                      });
  forEachReachedMatch(
      A, Catalog, id(),
      [&](unsigned H, NodeId N, const CatalogMatch &Match,
          const SiteCatalogEntry &Entry) {
        if (Entry.Category == "wait" || Match.InForkedChild ||
            (Entry.Category == "spawn" && Waits.count(H)))
          return;
        std::string Message = "'" + Match.What + "' in handler '" +
                              A.Model.handlers()[H].DisplayName + "': ";
        Message += Entry.Message.empty()
                       ? "the work outlives the response, and Lambda freezes "
                         "the environment once the response is sent"
                       : Entry.Message;
        if (!Entry.Hint.empty())
          Message += ": " + Entry.Hint;
        Finding F =
            reachedFinding(A, *this, H, N, Match.Loc, Message, Match.Once);
        F.Category = Entry.Category;
        Sink.report(std::move(F));
      });
}

} // namespace brisk
