//===- ReachabilityTest.cpp - Per-invocation code and request dependence --===//

#include "model/Reachability.h"
#include "ModelTestUtil.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

const std::string File = "/p/main.cpp";

ProgramModel build(std::vector<FunctionSummary> Fns) {
  return singleTUProgram(File, std::move(Fns));
}

NodeId node(const ProgramModel &M, const std::string &USR) {
  return nodeOf(M, USR);
}

std::vector<std::string> reached(const ProgramModel &M, const Reachability &R) {
  std::vector<std::string> Out;
  for (NodeId N : R.perHandler()[0].Order)
    Out.push_back(M.node(N).Fn->USR);
  return Out;
}

TEST(ReachabilityTest, KeepsTheShortestPath) {
  auto M = build({fn("h", loc(File, 1),
                     {call("a", loc(File, 2)), call("c", loc(File, 3))}),
                  fn("a", loc(File, 10), {call("b", loc(File, 11))}),
                  fn("b", loc(File, 20), {call("c", loc(File, 21))}),
                  fn("c", loc(File, 30))});
  Reachability R = Reachability::compute(M);
  EXPECT_EQ(reached(M, R), (std::vector<std::string>{"h", "a", "c", "b"}));
  auto Path = R.pathTo(0, node(M, "c"));
  ASSERT_EQ(Path.size(), 1u);
  EXPECT_EQ(Path[0].Site->Loc.Line, 3u);
  auto Deep = R.pathTo(0, node(M, "b"));
  ASSERT_EQ(Deep.size(), 2u);
  EXPECT_EQ(Deep[0].Site->Loc.Line, 2u);
  EXPECT_EQ(Deep[1].Site->Loc.Line, 11u);
  EXPECT_TRUE(R.pathTo(0, node(M, "h")).empty());
}

TEST(ReachabilityTest, RecursionBackIntoTheHandlerReachesEachOnce) {
  auto M = build({fn("h", loc(File, 1), {call("g", loc(File, 2))}),
                  fn("g", loc(File, 10),
                     {call("h", loc(File, 11)), call("g", loc(File, 12))})});
  Reachability R = Reachability::compute(M);
  EXPECT_EQ(reached(M, R), (std::vector<std::string>{"h", "g"}));
  EXPECT_FALSE(R.perHandler()[0].Parent.contains(node(M, "h")));
  EXPECT_TRUE(R.pathTo(0, node(M, "h")).empty());
  auto Path = R.pathTo(0, node(M, "g"));
  ASSERT_EQ(Path.size(), 1u);
  EXPECT_EQ(Path[0].Site->Loc.Line, 2u);
}

TEST(ReachabilityTest, OnceGuardsEndReachability) {
  for (OnceKind Once : {OnceKind::StaticLocalInit, OnceKind::CallOnce,
                        OnceKind::LazyInitGuard}) {
    auto M =
        build({fn("h", loc(File, 1),
                  {call("init", loc(File, 2), {}, CallKind::Direct, Once)}),
               fn("init", loc(File, 10))});
    Reachability R = Reachability::compute(M);
    EXPECT_EQ(reached(M, R), (std::vector<std::string>{"h"}));
  }
  auto M = build({fn("h", loc(File, 1), {call("init", loc(File, 2))}),
                  fn("init", loc(File, 10))});
  EXPECT_EQ(reached(M, Reachability::compute(M)),
            (std::vector<std::string>{"h", "init"}));
}

TEST(ReachabilityTest, CodeOnlyMainReachesIsNotPerInvocation) {
  FunctionSummary Main =
      fn("main", loc(File, 40), {call("setup", loc(File, 41))});
  Main.IsMain = true;
  auto M = build({fn("h", loc(File, 1)), Main, fn("setup", loc(File, 50))});
  EXPECT_EQ(reached(M, Reachability::compute(M)),
            (std::vector<std::string>{"h"}));
}

TEST(ReachabilityTest, RequestDataFlowsThroughParameters) {
  // h(req) -> f(req, "k") -> g(f's param 0); g(f's param 1).
  auto M = build(
      {fn("h", loc(File, 1), {call("f", loc(File, 2), {param(0), constant()})}),
       fn("f", loc(File, 10),
          {call("g", loc(File, 11), {param(0)}),
           call("k", loc(File, 12), {param(1)})}),
       fn("g", loc(File, 20)), fn("k", loc(File, 30))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "g"), param(0)));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "k"), param(0)));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "g"), constant()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "g"), other()));
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "h"), param(0)));
}

TEST(ReachabilityTest, ConstantsFlowThroughParameters) {
  auto M = build({fn("h", loc(File, 1),
                     {call("f", loc(File, 2), {constant()}),
                      call("g", loc(File, 3), {other()})}),
                  fn("f", loc(File, 10)), fn("g", loc(File, 20))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.isConstant(node(M, "f"), param(0)));
  EXPECT_FALSE(R.isConstant(node(M, "g"), param(0)));
  EXPECT_FALSE(R.isConstant(node(M, "f"), other()));
  EXPECT_FALSE(R.isConstant(node(M, "f"), ValueOrigin()));
  EXPECT_FALSE(R.isConstant(node(M, "h"), param(0)));
}

TEST(ReachabilityTest, ValuesBuiltInAnUnchangedFunctionStillPropagate) {
  // f receives nothing from the handler, yet passes a non-constant on.
  auto M = build({fn("h", loc(File, 1), {call("f", loc(File, 2))}),
                  fn("f", loc(File, 10), {call("g", loc(File, 11), {other()})}),
                  fn("g", loc(File, 20))});
  Reachability R = Reachability::compute(M);
  EXPECT_FALSE(R.isConstant(node(M, "g"), param(0)));
}

TEST(ReachabilityTest, LambdaParametersAreAssumedRequestData) {
  auto M = build({fn("h", loc(File, 1),
                     {call("lambda", loc(File, 2), {}, CallKind::Callable)}),
                  fn("lambda", loc(File, 10))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "lambda"), param(0)));
  EXPECT_FALSE(R.isConstant(node(M, "lambda"), param(0)));
  // Its captures may hold request data; constants stay constants.
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "lambda"), other()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "lambda"), constant()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "h"), other()));
}

TEST(ReachabilityTest, LambdasCalledPerInvocationMayCaptureRequestData) {
  FunctionSummary Lambda = fn("l", loc(File, 10));
  Lambda.IsLambda = true;
  // Named like a lambda, but a plain function: it captures nothing.
  FunctionSummary NotLambda = fn("n", loc(File, 30));
  NotLambda.QualifiedName = "ns::lambda";
  auto M = build({fn("h", loc(File, 1),
                     {call("l", loc(File, 2)), call("f", loc(File, 3)),
                      call("n", loc(File, 4))}),
                  Lambda, fn("f", loc(File, 20)), NotLambda});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "l"), other()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "l"), constant()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "f"), other()));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "n"), other()));
}

TEST(ReachabilityTest, PollingLoopValuesAreRequestData) {
  auto M = build({fn("loop", loc(File, 1)), fn("f", loc(File, 10))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "loop"),
                                   param(ValueOrigin::LoopRequestBit)));
}

TEST(ReachabilityTest, OnceGuardedCallsCarryNoRequestData) {
  auto M = build({fn("h", loc(File, 1),
                     {call("f", loc(File, 2), {param(0)}, CallKind::Direct,
                           OnceKind::StaticLocalInit)}),
                  fn("f", loc(File, 10))});
  Reachability R = Reachability::compute(M);
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "f"), param(0)));
}

CallSite onObject(const std::string &USR, SourceLoc Loc, ValueOrigin Object) {
  CallSite C = call(USR, std::move(Loc));
  C.Object = Object;
  return C;
}

TEST(ReachabilityTest, RequestDataFlowsThroughTheImplicitObject) {
  // h(req): a.m() on an object built from req, b.n() on a constant object,
  // c.k() on an object of unknown origin; m calls this->p().
  const ValueOrigin This = param(ValueOrigin::ThisBit);
  auto M = build({fn("h", loc(File, 1),
                     {onObject("m", loc(File, 2), param(0)),
                      onObject("n", loc(File, 3), constant()),
                      onObject("k", loc(File, 4), other())}),
                  fn("m", loc(File, 10), {onObject("p", loc(File, 11), This)}),
                  fn("n", loc(File, 20)), fn("k", loc(File, 30)),
                  fn("p", loc(File, 40))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "m"), This));
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "p"), This));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "n"), This));
  EXPECT_TRUE(R.isConstant(node(M, "n"), This));
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "k"), This));
  EXPECT_FALSE(R.isConstant(node(M, "k"), This));
  // The handler's own object (a function object) was built before the
  // first invocation.
  EXPECT_FALSE(R.mayDependOnRequest(node(M, "h"), This));
  EXPECT_FALSE(R.isConstant(node(M, "h"), This));
}

TEST(ReachabilityTest, AnObjectReachedWithRequestDataOnceIsRequestData) {
  const ValueOrigin This = param(ValueOrigin::ThisBit);
  auto M = build({fn("h", loc(File, 1),
                     {onObject("m", loc(File, 2), constant()),
                      onObject("m", loc(File, 3), param(0))}),
                  fn("m", loc(File, 10))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.mayDependOnRequest(node(M, "m"), This));
  EXPECT_FALSE(R.isConstant(node(M, "m"), This));
}

} // namespace
