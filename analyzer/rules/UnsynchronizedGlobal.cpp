//===- UnsynchronizedGlobal.cpp - Writes concurrent requests race on ----===//

#include "rules/UnsynchronizedGlobal.h"

#include "rules/PersistentWrites.h"
#include "rules/RuleSupport.h"

namespace brisk {

void UnsynchronizedGlobal::check(const Analysis &A, FindingSink &Sink) const {
  for (unsigned H = 0; H < A.Model.handlers().size(); ++H) {
    for (const PersistentWrite &W : persistentWrites(A, H)) {
      const WriteEffect &E = *W.Effect;
      // Static initialisers and std::call_once are thread-safe; a lazy
      // initialisation is not.
      if (E.Once == OnceKind::StaticLocalInit || E.Once == OnceKind::CallOnce)
        continue;
      // A loop's locals are its thread's own: each loop polls for itself.
      if (W.LoopLocal)
        continue;
      if (E.Locked || E.Atomic || E.Target.ThreadLocal ||
          A.Reach.calledUnderLock(W.Where) || A.Reach.calledUnderLock(E.Writer))
        continue;
      Finding F = writeFinding(
          A, *this, H, W,
          writeVerb(E.Kind).str() + " without a lock while up to " +
              std::to_string(MaxConcurrency) +
              " requests share the environment, so concurrent invocations "
              "race on it: guard it with a std::mutex or make it std::atomic");
      // The path shown is one that holds no lock.
      if (auto Unlocked = A.Reach.pathThrough(
              A.Model, H, W.Where,
              [](const CallSite &Site) { return !Site.Locked; }))
        F.Trace = traceOf(A, H, *Unlocked);
      Sink.report(std::move(F));
    }
  }
}

} // namespace brisk
