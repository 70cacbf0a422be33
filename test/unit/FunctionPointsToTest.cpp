//===- FunctionPointsToTest.cpp - Calls through function values -----------===//

#include "model/FunctionPointsTo.h"
#include "ExtractTestSupport.h"
#include "ModelTestUtil.h"
#include "model/ProgramModel.h"
#include "model/Reachability.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

TUSummary withFlows(std::string File, std::vector<ValueFlow> Flows) {
  TUSummary T;
  T.MainFile = std::move(File);
  T.Flows = std::move(Flows);
  return T;
}

TEST(FunctionPointsToTest, ValuesFlowThroughCopiesArgumentsAndReturns) {
  std::vector<TUSummary> S;
  S.push_back(withFlows("/p/a.cpp", {{"global:routes", "fn:hello"},
                                     {"global:routes", "fn:bye"},
                                     {"return:pick", "global:routes"},
                                     {"local:h#f@1:1", "return:pick"},
                                     {"param:dispatch#0", "local:h#f@1:1"},
                                     {"member:Callbacks::onDone", "fn:done"}}));
  FunctionPointsTo P = FunctionPointsTo::solve(S, {0});
  EXPECT_EQ(P.valuesOf(0, "global:routes"),
            (std::vector<std::string>{"bye", "hello"}));
  EXPECT_EQ(P.valuesOf(0, "param:dispatch#0"),
            (std::vector<std::string>{"bye", "hello"}));
  EXPECT_EQ(P.valuesOf(0, "member:Callbacks::onDone"),
            (std::vector<std::string>{"done"}));
  EXPECT_TRUE(P.valuesOf(0, "global:unknown").empty());
  // A function named directly is itself.
  EXPECT_EQ(P.valuesOf(0, "fn:direct"), (std::vector<std::string>{"direct"}));
}

TEST(FunctionPointsToTest, ProgramsDoNotShareTables) {
  std::vector<TUSummary> S;
  S.push_back(withFlows("/p/orders/main.cpp", {{"global:routes", "fn:a"}}));
  S.push_back(withFlows("/p/billing/main.cpp", {{"global:routes", "fn:b"}}));
  S.push_back(withFlows("/p/lib/shared.cpp", {{"global:common", "fn:c"}}));
  FunctionPointsTo P = FunctionPointsTo::solve(S, {0, 1, -1});
  EXPECT_EQ(P.valuesOf(0, "global:routes"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(P.valuesOf(1, "global:routes"), (std::vector<std::string>{"b"}));
  // What no program owns is seen by every program.
  EXPECT_EQ(P.valuesOf(1, "global:common"), (std::vector<std::string>{"c"}));
}

TEST(FunctionPointsToTest, IndirectCallsLinkToEveryStoredFunction) {
  const std::string File = "/p/main.cpp";
  CallSite Through = call("", loc(File, 3), {param(0)}, CallKind::Indirect);
  Through.ValueSlots = {"global:routes"};
  CallSite Nowhere = call("", loc(File, 4), {}, CallKind::Indirect);
  Nowhere.ValueSlots = {"global:empty"};
  TUSummary T = withFlows(
      File, {{"global:routes", "fn:hello"}, {"global:routes", "fn:bye"}});
  T.Functions = {fn("h", loc(File, 1), {Through, Nowhere}),
                 fn("hello", loc(File, 10)), fn("bye", loc(File, 20))};
  T.Handlers.push_back(registration("h", loc(File, 99)));
  std::vector<TUSummary> S;
  S.push_back(std::move(T));
  ProgramModel M = cantFail(ProgramModel::build(std::move(S), {}));
  Reachability R = Reachability::compute(M);
  std::vector<std::string> Reached;
  for (NodeId N : R.perHandler()[0].Order)
    Reached.push_back(M.node(N).Fn->USR);
  EXPECT_EQ(Reached, (std::vector<std::string>{"h", "bye", "hello"}));
  EXPECT_EQ(M.untracedCalls(), 1u);
  // The request passed through the table reaches the routes' parameters.
  NodeId Hello = R.perHandler()[0].Order[2];
  EXPECT_TRUE(R.carriesRequest(Hello, param(0)));
}

TEST(FunctionPointsToTest, ExtractedRouteTablesAreFollowed) {
  TUSummary S = summarize(R"(
#include <functional>
#include <map>
#include <string>
struct Req { std::string routeKey; };
using Handler = std::function<int(const Req &)>;
int hello(const Req &) { return 1; }
int bye(const Req &) { return 2; }
static const std::map<std::string, Handler> Routes = {
    {"GET /hello", hello}, {"GET /bye", &bye}};
using Fn = int (*)(const Req &);
static Fn Table[] = {&hello, &bye};
struct Callbacks { Handler onMissing; };
int dispatch(const Req &R) {
  auto It = Routes.find(R.routeKey);
  if (It != Routes.end())
    return It->second(R);
  Callbacks C{[](const Req &) { return 3; }};
  return Table[0](R) + C.onMissing(R);
}
)");
  const FunctionSummary *D = function(S, "dispatch");
  ASSERT_NE(D, nullptr);
  std::vector<const CallSite *> Indirect;
  for (const CallSite &C : D->Calls)
    if (C.Kind == CallKind::Indirect)
      Indirect.push_back(&C);
  ASSERT_EQ(Indirect.size(), 3u);
  std::vector<TUSummary> All;
  All.push_back(std::move(S));
  FunctionPointsTo P = FunctionPointsTo::solve(All, {-1});
  auto Names = [&](const CallSite &C) {
    std::vector<std::string> Out;
    for (const std::string &Slot : C.ValueSlots)
      for (const std::string &USR : P.valuesOf(-1, Slot))
        Out.push_back(USR);
    return Out;
  };
  EXPECT_EQ(Names(*Indirect[0]).size(), 2u); // the map's two routes
  EXPECT_EQ(Names(*Indirect[1]).size(), 2u); // the array's two functions
  EXPECT_EQ(Names(*Indirect[2]).size(), 1u); // the lambda in the member
}

} // namespace
