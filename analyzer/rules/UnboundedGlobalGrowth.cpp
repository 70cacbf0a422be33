//===- UnboundedGlobalGrowth.cpp - Global containers that only grow -------===//

#include "rules/UnboundedGlobalGrowth.h"

#include "rules/PersistentWrites.h"
#include "rules/RuleSupport.h"

namespace brisk {

void UnboundedGlobalGrowth::check(const Analysis &A, FindingSink &Sink) const {
  for (unsigned H = 0; H < A.Model.handlers().size(); ++H) {
    std::vector<PersistentWrite> Writes = persistentWrites(A, H);
    // What the handler empties, evicts from or replaces per invocation.
    std::set<std::string> Bounded;
    for (const PersistentWrite &W : Writes)
      if (W.PerInvocation &&
          (W.Effect->Kind == WriteKind::Remove || W.Effect->Resets))
        Bounded.insert(W.Identity);
    for (const PersistentWrite &W : Writes) {
      const WriteEffect &E = *W.Effect;
      if (!W.PerInvocation || E.Kind != WriteKind::Insert ||
          (E.Keyed && A.Reach.isConstant(W.Where, E.Key)) ||
          heldIn(Bounded, W.Identity))
        continue;
      Sink.report(writeFinding(
          A, *this, H, W,
          "inserted into on every invocation and never cleared or evicted, "
          "so it grows for as long as the environment stays warm: bound it "
          "(evict old entries, clear it) or keep it per request"));
    }
  }
}

} // namespace brisk
