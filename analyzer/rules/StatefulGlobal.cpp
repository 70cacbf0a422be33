//===- StatefulGlobal.cpp - State one invocation leaves for the next ------===//

#include "rules/StatefulGlobal.h"

#include "rules/PersistentWrites.h"
#include "rules/RuleSupport.h"

#include <map>
#include <set>

namespace brisk {

void StatefulGlobal::check(const Analysis &A, FindingSink &Sink) const {
  for (unsigned H = 0; H < A.Model.handlers().size(); ++H) {
    std::vector<PersistentWrite> Writes = persistentWrites(A, H);
    // An assignment of a constant (under a constant key) leaves the same
    // value whatever ran before: idempotent, unless the handler assigns
    // that state different constants.
    auto IsConstantStore = [&](const PersistentWrite &W) {
      const WriteEffect &E = *W.Effect;
      return (E.Kind == WriteKind::Assign ||
              (E.Kind == WriteKind::Insert && E.Keyed)) &&
             A.Reach.isConstant(W.Where, E.Value) &&
             (!E.Keyed || A.Reach.isConstant(W.Where, E.Key));
    };
    auto Slot = [](const PersistentWrite &W) {
      return W.Identity + "[" + W.Effect->ConstantKey + "]";
    };
    std::map<std::string, std::set<std::string>> Constants;
    // Containers the handler empties, replaces or evicts from per
    // invocation: a reused buffer, a bounded cache, a set of requests in
    // flight. Their contents are managed across invocations on purpose.
    std::set<std::string> Managed;
    for (const PersistentWrite &W : Writes) {
      if (W.PerInvocation && IsConstantStore(W))
        Constants[Slot(W)].insert(W.Effect->ConstantValue);
      if (W.PerInvocation &&
          (W.Effect->Resets || W.Effect->Kind == WriteKind::Remove))
        Managed.insert(W.Identity);
    }
    for (const PersistentWrite &W : Writes) {
      const WriteEffect &E = *W.Effect;
      if (!W.PerInvocation || E.Kind == WriteKind::Remove)
        continue;
      // A loop's locals are mostly its own control state (failed polls,
      // backoff); what it keeps of requests the other rules see.
      if (W.LoopLocal)
        continue;
      if (IsConstantStore(W) && Constants[Slot(W)].size() == 1)
        continue;
      if (E.Kind == WriteKind::Insert && heldIn(Managed, W.Identity))
        continue;
      Sink.report(writeFinding(
          A, *this, H, W,
          writeVerb(E.Kind).str() +
              " on every invocation; it outlives the invocation, so later "
              "invocations in the same environment see what earlier ones "
              "left: keep per-request state in locals"));
    }
  }
}

} // namespace brisk
