//===- Reachability.cpp - Per-invocation code and request dependence ------===//

#include "model/Reachability.h"

#include <algorithm>
#include <deque>

namespace brisk {

namespace {

constexpr uint64_t AllParams = ~uint64_t(0);
constexpr uint64_t ThisMask = uint64_t(1) << ValueOrigin::ThisBit;

} // namespace

Reachability Reachability::compute(const ProgramModel &Model) {
  Reachability R;
  R.TransientParams.assign(Model.nodes().size(), 0);
  // A handler's parameters are the request, built per invocation; a function
  // object's handler was built before the first one.
  for (const Handler &H : Model.handlers())
    R.TransientParams[H.Entry] = AllParams & ~ThisMask;
  // Reaching more can only make more objects per-invocation and the other
  // way round: iterate to the fixpoint.
  do
    R.walkHandlers(Model);
  while (R.propagateTransientObjects(Model));
  R.propagateParameterFacts(Model);
  R.computeLockedCallers(Model);
  return R;
}

bool Reachability::runsPerInvocation(NodeId N, OnceKind Once) const {
  if (Once == OnceKind::None)
    return true;
  return Once == OnceKind::LazyInitMember && (TransientParams[N] & ThisMask);
}

bool Reachability::reaches(unsigned H, NodeId N) const {
  const HandlerReach &HR = Reach[H];
  return HR.Parent.count(N) || (!HR.Order.empty() && HR.Order.front() == N);
}

void Reachability::walkHandlers(const ProgramModel &Model) {
  Reach.clear();
  for (const Handler &H : Model.handlers()) {
    HandlerReach HR;
    std::deque<NodeId> Queue{H.Entry};
    while (!Queue.empty()) {
      NodeId N = Queue.front();
      Queue.pop_front();
      HR.Order.push_back(N);
      // Parent doubles as the seen set: every reached node but the entry
      // has one.
      for (const Edge &E : Model.node(N).Out)
        if (runsPerInvocation(N, E.Site->Once) && E.Callee != H.Entry &&
            HR.Parent.try_emplace(E.Callee, PathStep{N, E.Site, E.Callee})
                .second)
          Queue.push_back(E.Callee);
    }
    Reach.push_back(std::move(HR));
  }
}

bool Reachability::propagateTransientObjects(const ProgramModel &Model) {
  // Whether what a reference in caller N names is an object of one
  // invocation: N's own locals and temporaries, or what N was given for a
  // parameter that may be one.
  auto Transient = [&](NodeId N, const StateRef &R) {
    if (R.Root == RefRoot::Local)
      return true;
    if (R.Root == RefRoot::Param && R.Index < 64)
      return (TransientParams[N] >> R.Index & 1) != 0;
    return false;
  };
  bool Grew = false;
  for (const HandlerReach &HR : Reach)
    for (NodeId N : HR.Order)
      for (const Edge &E : Model.node(N).Out) {
        if (!runsPerInvocation(N, E.Site->Once))
          continue;
        uint64_t Bits = 0;
        if (Transient(N, E.Site->ObjectRef))
          Bits |= ThisMask;
        for (unsigned I = 0;
             I < E.Site->ArgRefs.size() && I < ValueOrigin::MaxParams; ++I)
          if (Transient(N, E.Site->ArgRefs[I]))
            Bits |= uint64_t(1) << I;
        if ((TransientParams[E.Callee] | Bits) != TransientParams[E.Callee]) {
          TransientParams[E.Callee] |= Bits;
          Grew = true;
        }
      }
  return Grew;
}

void Reachability::computeLockedCallers(const ProgramModel &Model) {
  // The greatest fixpoint: assume every reached function is called under a
  // lock, then drop those with a call that holds none.
  AlwaysLocked.assign(Model.nodes().size(), false);
  std::vector<bool> Entry(Model.nodes().size(), false);
  for (const Handler &H : Model.handlers())
    Entry[H.Entry] = true;
  for (const HandlerReach &HR : Reach)
    for (NodeId N : HR.Order)
      AlwaysLocked[N] = !Entry[N];
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const HandlerReach &HR : Reach)
      for (NodeId N : HR.Order)
        for (const Edge &E : Model.node(N).Out)
          if (AlwaysLocked[E.Callee] && runsPerInvocation(N, E.Site->Once) &&
              !E.Site->Locked && !AlwaysLocked[N]) {
            AlwaysLocked[E.Callee] = false;
            Changed = true;
          }
  }
}

void Reachability::propagateParameterFacts(const ProgramModel &Model) {
  RequestParams.assign(Model.nodes().size(), 0);
  EvidentRequestParams.assign(Model.nodes().size(), 0);
  NonConstantParams.assign(Model.nodes().size(), 0);
  CapturesRequest.assign(Model.nodes().size(), false);
  std::deque<NodeId> Work;
  // Every reached function is processed at least once, so that values it
  // builds itself (not from its parameters) reach its callees' facts.
  std::vector<bool> Visited(Model.nodes().size(), false);
  // Every parameter of a handler is request data. A polling loop's body has
  // no parameters of its own: its request data is the loop bit, which the
  // all-ones mask includes. A function object's handler was built before the
  // first invocation: its members are not request data.
  for (const Handler &H : Model.handlers()) {
    RequestParams[H.Entry] = AllParams & ~ThisMask;
    EvidentRequestParams[H.Entry] = AllParams & ~ThisMask;
    NonConstantParams[H.Entry] = AllParams;
    Work.push_back(H.Entry);
    Visited[H.Entry] = true;
  }
  auto Raise = [&](std::vector<uint64_t> &Facts, NodeId N, uint64_t Bits) {
    if ((Facts[N] | Bits) == Facts[N])
      return false;
    Facts[N] |= Bits;
    return true;
  };
  while (!Work.empty()) {
    NodeId N = Work.front();
    Work.pop_front();
    for (const Edge &E : Model.node(N).Out) {
      if (!runsPerInvocation(N, E.Site->Once))
        continue;
      uint64_t Request = 0, NonConstant = 0, Evident = 0;
      if (E.Site->Kind == CallKind::Callable) {
        // Who calls a lambda or function object, and with what, is unknown:
        // assume the worst so that rules stay silent.
        Request = NonConstant = AllParams;
      } else {
        if (E.Site->Kind == CallKind::Indirect) {
          // A function value's callee may take more parameters than the
          // call passes (a default, a mismatch), and its object is unknown.
          uint64_t Rest = E.Site->Args.size() >= ValueOrigin::MaxParams
                              ? 0
                              : AllParams << E.Site->Args.size();
          Request = NonConstant = Rest;
        }
        const auto &Args = E.Site->Args;
        for (unsigned I = 0; I < Args.size() && I < ValueOrigin::MaxParams;
             ++I) {
          if (mayDependOnRequest(N, Args[I]))
            Request |= uint64_t(1) << I;
          if (carriesRequest(N, Args[I]))
            Evident |= uint64_t(1) << I;
          if (!isConstant(N, Args[I]))
            NonConstant |= uint64_t(1) << I;
        }
        // The callee's implicit object is one more parameter.
        if (mayDependOnRequest(N, E.Site->Object))
          Request |= ThisMask;
        if (carriesRequest(N, E.Site->Object))
          Evident |= ThisMask;
        if (!isConstant(N, E.Site->Object))
          NonConstant |= ThisMask;
      }
      bool Changed = Raise(RequestParams, E.Callee, Request);
      Changed |= Raise(EvidentRequestParams, E.Callee, Evident);
      Changed |= Raise(NonConstantParams, E.Callee, NonConstant);
      bool MayCapture = E.Site->Kind == CallKind::Callable ||
                        Model.node(E.Callee).Fn->IsLambda;
      if (MayCapture && !CapturesRequest[E.Callee]) {
        CapturesRequest[E.Callee] = true;
        Changed = true;
      }
      if (Changed || !Visited[E.Callee]) {
        Visited[E.Callee] = true;
        Work.push_back(E.Callee);
      }
    }
  }
}

bool Reachability::mayDependOnRequest(NodeId N,
                                      const ValueOrigin &Origin) const {
  return (Origin.ParamMask & RequestParams[N]) != 0 ||
         (Origin.Other && CapturesRequest[N]);
}

bool Reachability::isConstant(NodeId N, const ValueOrigin &Origin) const {
  if (Origin.Other)
    return false;
  if (Origin.ParamMask == 0)
    return Origin.Constant;
  return (Origin.ParamMask & NonConstantParams[N]) == 0;
}

std::optional<std::vector<PathStep>> Reachability::pathThrough(
    const ProgramModel &Model, unsigned H, NodeId N,
    llvm::function_ref<bool(const CallSite &)> Allowed) const {
  NodeId Entry = Model.handlers()[H].Entry;
  llvm::DenseMap<NodeId, PathStep> Parent;
  std::deque<NodeId> Queue{Entry};
  bool Found = N == Entry;
  while (!Queue.empty() && !Found) {
    NodeId Cur = Queue.front();
    Queue.pop_front();
    for (const Edge &E : Model.node(Cur).Out)
      if (runsPerInvocation(Cur, E.Site->Once) && Allowed(*E.Site) &&
          E.Callee != Entry &&
          Parent.try_emplace(E.Callee, PathStep{Cur, E.Site, E.Callee})
              .second) {
        Found |= E.Callee == N;
        Queue.push_back(E.Callee);
      }
  }
  if (!Found)
    return std::nullopt;
  std::vector<PathStep> Steps;
  for (auto It = Parent.find(N); It != Parent.end();
       It = Parent.find(It->second.Caller))
    Steps.push_back(It->second);
  std::reverse(Steps.begin(), Steps.end());
  return Steps;
}

std::vector<PathStep> Reachability::pathTo(unsigned H, NodeId N) const {
  std::vector<PathStep> Steps;
  const HandlerReach &HR = Reach[H];
  for (auto It = HR.Parent.find(N); It != HR.Parent.end();
       It = HR.Parent.find(It->second.Caller))
    Steps.push_back(It->second);
  std::reverse(Steps.begin(), Steps.end());
  return Steps;
}

} // namespace brisk
