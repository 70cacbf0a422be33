//===- Reachability.cpp - Per-invocation code and request dependence ------===//

#include "model/Reachability.h"

#include <algorithm>
#include <deque>

namespace brisk {

namespace {

constexpr uint64_t AllParams = ~uint64_t(0);
constexpr uint64_t ThisMask = uint64_t(1) << ValueOrigin::ThisBit;

bool runsPerInvocation(const CallSite &Site) {
  return Site.Once == OnceKind::None;
}

} // namespace

Reachability Reachability::compute(const ProgramModel &Model) {
  Reachability R;
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
        if (runsPerInvocation(*E.Site) && E.Callee != H.Entry &&
            HR.Parent.try_emplace(E.Callee, PathStep{N, E.Site}).second)
          Queue.push_back(E.Callee);
    }
    R.Reach.push_back(std::move(HR));
  }
  R.propagateParameterFacts(Model);
  return R;
}

void Reachability::propagateParameterFacts(const ProgramModel &Model) {
  RequestParams.assign(Model.nodes().size(), 0);
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
      if (!runsPerInvocation(*E.Site))
        continue;
      uint64_t Request = 0, NonConstant = 0;
      if (E.Site->Kind == CallKind::Callable) {
        // Who calls a lambda or function object, and with what, is unknown:
        // assume the worst so that rules stay silent.
        Request = NonConstant = AllParams;
      } else {
        const auto &Args = E.Site->Args;
        for (unsigned I = 0; I < Args.size() && I < ValueOrigin::MaxParams;
             ++I) {
          if (mayDependOnRequest(N, Args[I]))
            Request |= uint64_t(1) << I;
          if (!isConstant(N, Args[I]))
            NonConstant |= uint64_t(1) << I;
        }
        // The callee's implicit object is one more parameter.
        if (mayDependOnRequest(N, E.Site->Object))
          Request |= ThisMask;
        if (!isConstant(N, E.Site->Object))
          NonConstant |= ThisMask;
      }
      bool Changed = Raise(RequestParams, E.Callee, Request);
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
