//===- PersistentWrites.cpp - Writes a handler makes to lasting state -----===//

#include "rules/PersistentWrites.h"

#include "rules/RuleSupport.h"

namespace brisk {

namespace {

std::string members(const std::string &Path) {
  return llvm::StringRef(Path).drop_front().str(); // ".A.B" -> "A.B"
}

} // namespace

bool heldIn(const std::set<std::string> &Identities, llvm::StringRef Identity) {
  while (true) {
    if (Identities.count(Identity.str()))
      return true;
    size_t Dot = Identity.rfind('.');
    if (Dot == llvm::StringRef::npos)
      return false;
    Identity = Identity.take_front(Dot);
  }
}

llvm::StringRef writeVerb(WriteKind K) {
  switch (K) {
  case WriteKind::Assign:
    return "assigned";
  case WriteKind::Increment:
    return "incremented";
  case WriteKind::Insert:
    return "inserted into";
  case WriteKind::Remove:
    return "erased from";
  case WriteKind::Mutate:
    return "modified";
  }
  return "modified";
}

std::vector<PersistentWrite> persistentWrites(const Analysis &A, unsigned H) {
  const Handler &Entry = A.Model.handlers()[H];
  std::vector<PersistentWrite> Out;
  for (NodeId N : A.Reach.perHandler()[H].Order) {
    const Node &Fn = A.Model.node(N);
    for (const WriteEffect &E : A.Writes.of(N)) {
      PersistentWrite W;
      W.Where = N;
      W.Effect = &E;
      W.PerInvocation = A.Reach.runsPerInvocation(N, E.Once);
      const StateRef &T = E.Target;
      switch (T.Root) {
      case RefRoot::Global:
        W.Name = T.Name + T.Path;
        W.Identity = "global:" + T.USR + T.Path;
        break;
      case RefRoot::Captured:
      case RefRoot::LoopLocal: {
        // A local of the function that created the lambda or runs the loop:
        // state only when that function is not itself run per invocation.
        long Owner = A.Model.resolve(Fn.TU, T.Owner);
        if (Owner < 0 || A.Reach.reaches(H, Owner))
          continue;
        W.Name = T.Name + T.Path;
        W.LoopLocal = T.Root == RefRoot::LoopLocal;
        W.Identity = (W.LoopLocal ? "loop:" : "captured:") + T.USR + T.Path;
        break;
      }
      case RefRoot::Param: {
        // A function object handler's members; its other parameters are
        // the request.
        if (N != Entry.Entry || T.Index != ValueOrigin::ThisBit ||
            T.Path.empty() || Entry.Kind == HandlerKind::PollingLoop)
          continue;
        llvm::StringRef Method = Fn.Fn->QualifiedName;
        std::string Class = Method.rsplit("::").first.str();
        W.Name = Class + "::" + members(T.Path);
        W.Identity = "member:" + Fn.Fn->USR + T.Path;
        break;
      }
      default:
        continue;
      }
      Out.push_back(std::move(W));
    }
  }
  return Out;
}

Finding writeFinding(const Analysis &A, const Rule &R, unsigned H,
                     const PersistentWrite &W, llvm::StringRef What) {
  const WriteEffect &E = *W.Effect;
  std::string Message = "'" + W.Name + "' in handler '" +
                        A.Model.handlers()[H].DisplayName + "': " + What.str();
  Finding F = reachedFinding(A, R, H, W.Where, E.Loc, std::move(Message));
  if (E.Via)
    F.Notes.push_back(
        {"'" + A.Model.node(E.Writer).Fn->QualifiedName + "' writes it here",
         E.WriteLoc});
  return F;
}

} // namespace brisk
