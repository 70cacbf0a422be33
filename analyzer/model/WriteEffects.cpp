//===- WriteEffects.cpp - What each function writes, callees included -----===//

#include "model/WriteEffects.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <deque>

namespace brisk {

namespace {

/// A generic helper called with many arguments keeps only this many.
constexpr size_t MaxEffectsPerFunction = 256;
constexpr unsigned MaxRefDepth = 4;

bool namesState(const StateRef &R) {
  return R.Root == RefRoot::Global || R.Root == RefRoot::Captured ||
         R.Root == RefRoot::LoopLocal || R.Root == RefRoot::Param;
}

StateRef withPath(StateRef R, const std::string &Path) {
  R.Path += Path;
  return R;
}

class Linker {
public:
  explicit Linker(const ProgramModel &M) : M(M) {
    for (NodeId N = 0; N < M.nodes().size(); ++N)
      for (const Edge &E : M.node(N).Out) {
        Targets[E.Site].push_back(E.Callee);
        Callers[E.Callee].push_back(N);
      }
    Effects.resize(M.nodes().size());
    Keys.resize(M.nodes().size());
  }

  std::vector<std::vector<WriteEffect>> run() {
    std::deque<NodeId> Work;
    std::vector<bool> Queued(M.nodes().size(), true);
    for (NodeId N = 0; N < M.nodes().size(); ++N)
      Work.push_back(N);
    while (!Work.empty()) {
      NodeId N = Work.front();
      Work.pop_front();
      Queued[N] = false;
      if (!update(N))
        continue;
      for (NodeId C : Callers.lookup(N))
        if (!Queued[C]) {
          Queued[C] = true;
          Work.push_back(C);
        }
    }
    return std::move(Effects);
  }

private:
  /// What Ref, seen in N, names once call results are resolved.
  StateRef resolve(NodeId N, const StateRef &Ref, unsigned Depth = 0) const {
    if (Ref.Root != RefRoot::CallResult)
      return Ref;
    const std::vector<CallSite> &Calls = M.node(N).Fn->Calls;
    if (Depth > MaxRefDepth || Ref.Index >= Calls.size())
      return StateRef();
    const CallSite *Site = &Calls[Ref.Index];
    auto It = Targets.find(Site);
    if (It == Targets.end() || It->second.empty())
      return StateRef();
    NodeId Callee = It->second.front();
    StateRef Returned =
        resolve(Callee, M.node(Callee).Fn->ReturnRef, Depth + 1);
    if (Returned.Root == RefRoot::Param) {
      StateRef Passed = argument(*Site, Returned.Index);
      return withPath(resolve(N, withPath(Passed, Returned.Path), Depth + 1),
                      Ref.Path);
    }
    if (Returned.Root == RefRoot::Global ||
        Returned.Root == RefRoot::Captured ||
        Returned.Root == RefRoot::LoopLocal)
      return withPath(Returned, Ref.Path);
    return StateRef();
  }

  static StateRef argument(const CallSite &Site, unsigned Index) {
    if (Index == ValueOrigin::ThisBit)
      return Site.ObjectRef;
    return Index < Site.ArgRefs.size() ? Site.ArgRefs[Index] : StateRef();
  }

  /// O, an origin in the callee's frame, in the caller's.
  static ValueOrigin mapOrigin(const ValueOrigin &O, const CallSite &Site) {
    ValueOrigin Out;
    Out.Constant = O.ParamMask == 0 ? O.Constant : true;
    Out.Other = O.Other;
    if (O.Other)
      Out.Constant = false;
    for (unsigned I = 0; I < 64; ++I) {
      if (!(O.ParamMask >> I & 1))
        continue;
      if (I == ValueOrigin::LoopRequestBit) {
        Out.ParamMask |= uint64_t(1) << I;
        Out.Constant = false;
      } else if (I == ValueOrigin::ThisBit) {
        Out = joinOrigins(Out, Site.Object);
      } else if (I < Site.Args.size()) {
        Out = joinOrigins(Out, Site.Args[I]);
      } else {
        Out.Other = true; // a default argument, a variadic one
        Out.Constant = false;
      }
    }
    return Out;
  }

  /// The once-guard a callee's write is under, seen at the call.
  static OnceKind mapOnce(const CallSite &Site, const WriteEffect &E,
                          const StateRef &Object) {
    if (Site.Once != OnceKind::None)
      return Site.Once;
    if (E.Once != OnceKind::LazyInitMember)
      return E.Once;
    // The callee's guard tests a member of the object it was called on.
    switch (Object.Root) {
    case RefRoot::Local:
      return OnceKind::None; // built per invocation: no guard at all
    case RefRoot::Param:
      return Object.Index == ValueOrigin::ThisBit ? OnceKind::LazyInitMember
                                                  : OnceKind::LazyInitGuard;
    default:
      return OnceKind::LazyInitGuard; // state, or unknown: stay silent
    }
  }

  static std::string keyOf(const WriteEffect &E) {
    std::string K;
    llvm::raw_string_ostream OS(K);
    OS << E.Loc.File << ':' << E.Loc.Line << ':' << E.Loc.Column << '|'
       << int(E.Target.Root) << E.Target.USR << '#' << E.Target.Index
       << E.Target.Path << '|' << int(E.Kind) << int(E.Once) << E.Locked
       << E.Atomic << E.Keyed << E.Resets << '|' << E.WriteLoc.File << ':'
       << E.WriteLoc.Line << ':' << E.WriteLoc.Column << '|' << E.Via;
    return K;
  }

  bool add(NodeId N, WriteEffect E) {
    if (Effects[N].size() >= MaxEffectsPerFunction)
      return false;
    if (!Keys[N].insert(keyOf(E)).second)
      return false;
    Effects[N].push_back(std::move(E));
    return true;
  }

  /// Adds N's own writes (once) and what its callees' current effects
  /// become at its calls; true when N gained an effect.
  bool update(NodeId N) {
    const FunctionSummary &Fn = *M.node(N).Fn;
    bool Grew = false;
    for (const StateWrite &W : Fn.Writes) {
      StateRef T = resolve(N, W.Target);
      if (!namesState(T))
        continue;
      WriteEffect E;
      static_cast<WriteTraits &>(E) = W;
      E.Target = T;
      E.Loc = W.Loc;
      E.Writer = N;
      E.WriteLoc = W.Loc;
      Grew |= add(N, std::move(E));
    }
    for (const CallSite &Site : Fn.Calls) {
      auto It = Targets.find(&Site);
      if (It == Targets.end())
        continue;
      StateRef Object = resolve(N, Site.ObjectRef);
      for (NodeId Callee : It->second) {
        // Copied: add() may grow Effects[Callee] when N calls itself.
        std::vector<WriteEffect> FromCallee = Effects[Callee];
        for (const WriteEffect &CE : FromCallee) {
          if (CE.Target.Root != RefRoot::Param)
            continue;
          StateRef Base = resolve(N, argument(Site, CE.Target.Index));
          if (!namesState(Base))
            continue;
          WriteEffect E = CE;
          E.Target = withPath(Base, CE.Target.Path);
          E.Loc = Site.Loc;
          E.Once = mapOnce(Site, CE, Object);
          E.Value = mapOrigin(CE.Value, Site);
          E.Key = mapOrigin(CE.Key, Site);
          E.Locked = CE.Locked || Site.Locked;
          E.Via = &Site;
          Grew |= add(N, std::move(E));
        }
      }
    }
    return Grew;
  }

  const ProgramModel &M;
  llvm::DenseMap<const CallSite *, llvm::SmallVector<NodeId, 1>> Targets;
  llvm::DenseMap<NodeId, llvm::SmallVector<NodeId, 4>> Callers;
  std::vector<std::vector<WriteEffect>> Effects;
  std::vector<llvm::StringSet<>> Keys;
};

} // namespace

WriteEffects WriteEffects::compute(const ProgramModel &Model) {
  WriteEffects W;
  W.Effects = Linker(Model).run();
  return W;
}

} // namespace brisk
