//===- RequestDataInGlobal.cpp - One caller's data kept for the next ------===//

#include "rules/RequestDataInGlobal.h"

#include "rules/PersistentWrites.h"
#include "rules/RuleSupport.h"

#include <optional>
#include <set>

namespace brisk {

namespace {

const ValueOrigin *argumentOrigin(const CallSite &Site, unsigned I) {
  if (I == ValueOrigin::ThisBit)
    return &Site.Object;
  return I < Site.Args.size() ? &Site.Args[I] : nullptr;
}

/// Says, on the steps of F's trace the request data travels through, what
/// each caller passes: "'handler' passes 'req.payload' to 'remember'".
void describeFlow(const Analysis &A, unsigned H, NodeId N,
                  const ValueOrigin &Value, Finding &F) {
  std::vector<PathStep> Steps = A.Reach.pathTo(H, N);
  uint64_t Carrying = Value.ParamMask & A.Reach.requestParams(N);
  for (size_t K = Steps.size(); K-- > 0 && Carrying;) {
    const PathStep &Step = Steps[K];
    const CallSite &Site = *Step.Site;
    std::string Texts;
    uint64_t Next = 0;
    bool Any = false;
    for (unsigned I = 0; I < 64; ++I) {
      if (!(Carrying >> I & 1))
        continue;
      const ValueOrigin *Arg = argumentOrigin(Site, I);
      if (!Arg || !A.Reach.carriesRequest(Step.Caller, *Arg))
        continue;
      Any = true;
      Next |= Arg->ParamMask & A.Reach.requestParams(Step.Caller);
      if (I < Site.ArgTexts.size() && !Site.ArgTexts[I].empty())
        Texts += (Texts.empty() ? "'" : "', '") + Site.ArgTexts[I];
    }
    if (!Any)
      break;
    F.Trace[K].Message = "'" + F.Trace[K].Function + "' passes " +
                         (Texts.empty() ? "request data" : Texts + "'") +
                         " to '" + F.Trace[K].Callee + "'";
    Carrying = Next;
  }
}

/// The identity of the object W's target is a member of, if it is one.
std::optional<std::string> holderOf(const PersistentWrite &W) {
  llvm::StringRef Path = W.Effect->Target.Path;
  size_t Dot = Path.rfind('.');
  if (Dot == llvm::StringRef::npos)
    return std::nullopt;
  return W.Identity.substr(0, W.Identity.size() - (Path.size() - Dot));
}

} // namespace

void RequestDataInGlobal::check(const Analysis &A, FindingSink &Sink) const {
  for (unsigned H = 0; H < A.Model.handlers().size(); ++H) {
    std::vector<PersistentWrite> Writes = persistentWrites(A, H);
    // An entry keyed by request data is found again only by a caller who
    // presents the same key (memoisation, a per-caller session, an
    // idempotency key): a cache, whose size and lifetime the growth and
    // state rules judge. A sequence held beside such an index in the same
    // object is the index's storage (an LRU's recency list).
    auto CacheEntry = [&](const PersistentWrite &W) {
      return W.Effect->Keyed && A.Reach.carriesRequest(W.Where, W.Effect->Key);
    };
    std::set<std::string> Indexed;
    for (const PersistentWrite &W : Writes)
      if (CacheEntry(W))
        if (auto Holder = holderOf(W))
          Indexed.insert(*Holder);
    for (const PersistentWrite &W : Writes) {
      const WriteEffect &E = *W.Effect;
      if (E.Kind == WriteKind::Remove || E.Kind == WriteKind::Increment ||
          !A.Reach.carriesRequest(W.Where, E.Value) || CacheEntry(W))
        continue;
      if (auto Holder = holderOf(W);
          E.Kind == WriteKind::Insert && Holder && Indexed.count(*Holder))
        continue;
      Finding F = writeFinding(
          A, *this, H, W,
          "request data stored in state that outlives the invocation, where "
          "the next invocation, maybe another caller's, can see it: keep it "
          "in a local");
      describeFlow(A, H, W.Where, E.Value, F);
      Sink.report(std::move(F));
    }
  }
}

} // namespace brisk
