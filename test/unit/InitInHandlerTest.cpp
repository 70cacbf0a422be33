//===- InitInHandlerTest.cpp - Catalogue matches in per-invocation code ---===//

#include "rules/InitInHandler.h"
#include "ModelTestUtil.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

const std::string File = "/p/main.cpp";

SiteCatalog catalog() {
  SiteCatalog C;
  auto Add = [&](std::string Id, HoistCondition Cond, SiteKind Kind) {
    SiteCatalogEntry E;
    E.Id = Id;
    E.Category = "cat-" + Id;
    E.Condition = Cond;
    E.Kind = Kind;
    E.Args = {0};
    if (Id != "request") {
      E.Message = "costly";
      E.Hint = "hoist it";
    }
    C.Entries.push_back(E);
  };
  Add("always", HoistCondition::Always, SiteKind::Call);
  Add("constant", HoistCondition::ConstantArgs, SiteKind::Construct);
  Add("off", HoistCondition::Always, SiteKind::Call);
  C.Entries.back().Disabled = true;
  Add("request", HoistCondition::RequestIndependent, SiteKind::Construct);
  return C;
}

std::vector<Finding> run(std::vector<FunctionSummary> Fns,
                         std::vector<std::string> Handlers) {
  TUSummary T;
  T.MainFile = File;
  for (const std::string &H : Handlers)
    T.Handlers.push_back(registration(H, loc(File, 99)));
  T.Functions = std::move(Fns);
  std::vector<TUSummary> S;
  S.push_back(std::move(T));
  ProgramModel M = cantFail(ProgramModel::build(std::move(S), {}));
  Reachability R = Reachability::compute(M);
  WriteEffects W = WriteEffects::compute(M);
  SiteCatalog C = catalog();
  FindingCollector Sink;
  InitInHandler(C).check({M, R, W}, Sink);
  return Sink.take();
}

TEST(InitInHandlerTest, ReportsReachedMatchWithPathAndHandler) {
  FunctionSummary G = fn("g", loc(File, 20));
  G.Matches.push_back(match("always", loc(File, 21, 5)));
  auto F = run({fn("h", loc(File, 1), {call("g", loc(File, 2, 3))}), G}, {"h"});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Rule, "init-in-handler");
  EXPECT_EQ(F[0].Level, Severity::Warning);
  EXPECT_EQ(F[0].Category, "cat-always");
  EXPECT_EQ(F[0].Loc, loc(File, 21, 5));
  EXPECT_EQ(F[0].Handler, "h");
  EXPECT_EQ(F[0].Message, "'always' in handler 'h': costly; hoist it");
  ASSERT_EQ(F[0].Trace.size(), 1u);
  EXPECT_EQ(F[0].Trace[0].Function, "h");
  EXPECT_EQ(F[0].Trace[0].Callee, "g");
  EXPECT_EQ(F[0].Trace[0].Loc, loc(File, 2, 3));
}

TEST(InitInHandlerTest, SilentWhenNotReachedOnceGuardedOrDisabled) {
  FunctionSummary H = fn("h", loc(File, 1));
  H.Matches.push_back(
      match("always", loc(File, 2), {}, OnceKind::StaticLocalInit));
  H.Matches.push_back(match("off", loc(File, 3)));
  H.Matches.push_back(match("unknown-entry", loc(File, 4)));
  FunctionSummary Init = fn("init", loc(File, 10));
  Init.Matches.push_back(match("always", loc(File, 11)));
  EXPECT_TRUE(run({H, Init}, {"h"}).empty());
}

TEST(InitInHandlerTest, ConstantArgsConditionFollowsOrigins) {
  FunctionSummary H = fn("h", loc(File, 1));
  H.Matches.push_back(match("constant", loc(File, 2), {constant()}));
  H.Matches.push_back(match("constant", loc(File, 3), {param(0)}));
  H.Matches.push_back(match("constant", loc(File, 4), {other()}));
  H.Matches.push_back(match("constant", loc(File, 5), {}));
  auto F = run({H}, {"h"});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 2u);
  EXPECT_EQ(F[0].Message, "'constant' in handler 'h': costly; hoist it");
}

TEST(InitInHandlerTest, RequestIndependentConditionFollowsTaint) {
  FunctionSummary H = fn("h", loc(File, 1),
                         {call("mk", loc(File, 2), {param(0)}),
                          call("mk2", loc(File, 3), {constant()})});
  FunctionSummary Mk = fn("mk", loc(File, 10));
  Mk.Matches.push_back(match("request", loc(File, 11), {param(0)}));
  FunctionSummary Mk2 = fn("mk2", loc(File, 20));
  Mk2.Matches.push_back(match("request", loc(File, 21), {param(0)}));
  Mk2.Matches.push_back(match("request", loc(File, 22), {other()}));
  auto F = run({H, Mk, Mk2}, {"h"});
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc.Line, 21u);
  EXPECT_EQ(F[1].Loc.Line, 22u);
  EXPECT_EQ(F[0].Message,
            "'request' in handler 'h': constructed per invocation");
}

TEST(InitInHandlerTest, OneFindingPerSiteWithTheShortestTrace) {
  FunctionSummary G = fn("g", loc(File, 20));
  G.Matches.push_back(match("always", loc(File, 21)));
  auto F = run({fn("h1", loc(File, 1), {call("m", loc(File, 2))}),
                fn("m", loc(File, 5), {call("g", loc(File, 6))}),
                fn("h2", loc(File, 10), {call("g", loc(File, 11))}), G},
               {"h1", "h2"});
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Handler, "h2");
  EXPECT_EQ(F[0].Trace.size(), 1u);
}

} // namespace
