//===- RuleSupport.cpp - What rules share: paths and findings -------------===//

#include "rules/RuleSupport.h"

namespace brisk {

namespace {

bool isLasting(const StateRef &R) {
  return R.Root == RefRoot::Global || R.Root == RefRoot::Captured ||
         R.Root == RefRoot::LoopLocal || R.Root == RefRoot::CallResult;
}

/// A call whose object and reference arguments are none of them state that
/// outlives the invocation.
bool passesNoLastingObject(const CallSite &S) {
  return !isLasting(S.ObjectRef) && llvm::none_of(S.ArgRefs, isLasting);
}

} // namespace

std::string functionLabel(const Analysis &A, unsigned H, NodeId N) {
  const Handler &Entry = A.Model.handlers()[H];
  return N == Entry.Entry ? Entry.DisplayName
                          : A.Model.node(N).Fn->QualifiedName;
}

std::vector<TraceStep> traceOf(const Analysis &A, unsigned H,
                               llvm::ArrayRef<PathStep> Steps) {
  std::vector<TraceStep> Trace;
  for (const PathStep &Step : Steps)
    Trace.push_back({functionLabel(A, H, Step.Caller),
                     functionLabel(A, H, Step.Callee), Step.Site->Loc, ""});
  return Trace;
}

std::vector<TraceStep> traceTo(const Analysis &A, unsigned H, NodeId N) {
  return traceOf(A, H, A.Reach.pathTo(H, N));
}

Finding reachedFinding(const Analysis &A, const Rule &R, unsigned H, NodeId N,
                       SourceLoc Loc, std::string Message, OnceKind Once) {
  Finding F;
  F.Rule = R.id().str();
  F.Level = R.defaultSeverity();
  F.Loc = std::move(Loc);
  F.Message = std::move(Message);
  F.Handler = A.Model.handlers()[H].DisplayName;
  F.Trace = traceTo(A, H, N);
  if (Once == OnceKind::LazyInitMember)
    if (auto Path = A.Reach.pathThrough(A.Model, H, N, passesNoLastingObject))
      F.Trace = traceOf(A, H, *Path);
  return F;
}

void forEachReachedMatch(
    const Analysis &A, const SiteCatalog &Catalog, llvm::StringRef Rule,
    llvm::function_ref<void(unsigned, NodeId, const CatalogMatch &,
                            const SiteCatalogEntry &)>
        Fn) {
  for (unsigned H = 0; H < A.Model.handlers().size(); ++H)
    for (NodeId N : A.Reach.perHandler()[H].Order)
      for (const CatalogMatch &Match : A.Model.node(N).Fn->Matches) {
        if (!A.Reach.runsPerInvocation(N, Match.Once))
          continue;
        const SiteCatalogEntry *Entry = Catalog.find(Match.EntryId);
        if (Entry && !Entry->Disabled && Entry->Rule == Rule)
          Fn(H, N, Match, *Entry);
      }
}

} // namespace brisk
