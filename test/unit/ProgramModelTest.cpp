//===- ProgramModelTest.cpp - Linking summaries into one call graph -------===//

#include "model/ProgramModel.h"
#include "ModelTestUtil.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

TUSummary tu(const std::string &File, std::vector<FunctionSummary> Fns) {
  TUSummary T;
  T.MainFile = File;
  T.Functions = std::move(Fns);
  return T;
}

FunctionSummary mainFn(const std::string &File,
                       std::vector<CallSite> Calls = {}) {
  FunctionSummary F = fn("c:@F@main#", loc(File, 1), std::move(Calls));
  F.QualifiedName = "main";
  F.IsMain = true;
  return F;
}

/// The callee nodes of Fn's edges, as (file of definition, USR).
std::vector<std::pair<std::string, std::string>> callees(const ProgramModel &M,
                                                         NodeId N) {
  std::vector<std::pair<std::string, std::string>> Out;
  for (const Edge &E : M.node(N).Out)
    Out.push_back({M.node(E.Callee).Fn->Loc.File, M.node(E.Callee).Fn->USR});
  return Out;
}

NodeId nodeOf(const ProgramModel &M, const std::string &File,
              const std::string &USR) {
  for (NodeId N = 0; N < M.nodes().size(); ++N)
    if (M.node(N).Fn->USR == USR &&
        M.summaries()[M.node(N).TU].MainFile == File)
      return N;
  ADD_FAILURE() << "no node " << USR << " in " << File;
  return 0;
}

TEST(ProgramModelTest, ResolvesCallsAcrossTranslationUnits) {
  std::vector<TUSummary> S;
  S.push_back(
      tu("/p/main.cpp",
         {mainFn("/p/main.cpp", {call("store", loc("/p/main.cpp", 2))})}));
  S.push_back(
      tu("/p/src/storage.cpp", {fn("store", loc("/p/src/storage.cpp", 5))}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  EXPECT_EQ(M->programs().size(), 1u);
  EXPECT_EQ(M->programOf(1), 0);
  auto Out = callees(*M, nodeOf(*M, "/p/main.cpp", "c:@F@main#"));
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].first, "/p/src/storage.cpp");
}

TEST(ProgramModelTest, KeepsTwoProgramsSameNamedFunctionsApart) {
  std::vector<TUSummary> S;
  S.push_back(tu("/repo/a/main.cpp",
                 {mainFn("/repo/a/main.cpp",
                         {call("helper", loc("/repo/a/main.cpp", 2))})}));
  S.push_back(
      tu("/repo/a/helper.cpp", {fn("helper", loc("/repo/a/helper.cpp", 1))}));
  S.push_back(tu("/repo/b/main.cpp",
                 {mainFn("/repo/b/main.cpp",
                         {call("helper", loc("/repo/b/main.cpp", 2))})}));
  S.push_back(
      tu("/repo/b/helper.cpp", {fn("helper", loc("/repo/b/helper.cpp", 1))}));
  // A shared library TU outside both trees cannot tell which one it means.
  S.push_back(tu("/repo/lib/util.cpp",
                 {fn("util", loc("/repo/lib/util.cpp", 1),
                     {call("helper", loc("/repo/lib/util.cpp", 2))})}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  EXPECT_EQ(M->programs().size(), 2u);
  EXPECT_EQ(M->programOf(4), -1);
  auto A = callees(*M, nodeOf(*M, "/repo/a/main.cpp", "c:@F@main#"));
  auto B = callees(*M, nodeOf(*M, "/repo/b/main.cpp", "c:@F@main#"));
  ASSERT_EQ(A.size(), 1u);
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(A[0].first, "/repo/a/helper.cpp");
  EXPECT_EQ(B[0].first, "/repo/b/helper.cpp");
  EXPECT_TRUE(callees(*M, nodeOf(*M, "/repo/lib/util.cpp", "util")).empty());
}

TEST(ProgramModelTest, SameInlineDefinitionSeenByManyTUsIsUnique) {
  std::vector<TUSummary> S;
  S.push_back(tu("/lib/x.cpp", {fn("inl", loc("/inc/h.h", 3))}));
  S.push_back(tu("/lib/y.cpp", {fn("inl", loc("/inc/h.h", 3))}));
  S.push_back(tu("/other/z.cpp", {fn("user", loc("/other/z.cpp", 1),
                                     {call("inl", loc("/other/z.cpp", 2))})}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  EXPECT_EQ(callees(*M, nodeOf(*M, "/other/z.cpp", "user")).size(), 1u);
}

TEST(ProgramModelTest, PrefersTheCallersOwnTranslationUnit) {
  std::vector<TUSummary> S;
  S.push_back(tu("/p/main.cpp",
                 {mainFn("/p/main.cpp", {call("local", loc("/p/main.cpp", 2))}),
                  fn("local", loc("/p/main.cpp", 9))}));
  S.push_back(tu("/p/other.cpp", {fn("local", loc("/p/other.cpp", 1))}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  auto Out = callees(*M, nodeOf(*M, "/p/main.cpp", "c:@F@main#"));
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].first, "/p/main.cpp");
}

TEST(ProgramModelTest, VirtualCallsReachEveryOverrideInTheProgram) {
  FunctionSummary Base = fn("Base::run", loc("/p/main.cpp", 3));
  FunctionSummary Mid = fn("Mid::run", loc("/p/main.cpp", 4));
  Mid.Overrides = {"Base::run"};
  FunctionSummary Leaf = fn("Leaf::run", loc("/p/leaf.cpp", 4));
  Leaf.Overrides = {"Mid::run"};
  FunctionSummary Foreign = fn("Foreign::run", loc("/q/main.cpp", 4));
  Foreign.Overrides = {"Base::run"};
  std::vector<TUSummary> S;
  S.push_back(
      tu("/p/main.cpp",
         {mainFn("/p/main.cpp", {call("Base::run", loc("/p/main.cpp", 2), {},
                                      CallKind::Virtual)}),
          Base, Mid}));
  S.push_back(tu("/p/leaf.cpp", {Leaf}));
  S.push_back(tu("/q/main.cpp", {mainFn("/q/main.cpp"), Foreign}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  auto Out = callees(*M, nodeOf(*M, "/p/main.cpp", "c:@F@main#"));
  std::vector<std::string> USRs;
  for (auto &[File, USR] : Out)
    USRs.push_back(USR);
  EXPECT_EQ(USRs,
            (std::vector<std::string>{"Base::run", "Mid::run", "Leaf::run"}));
}

TEST(ProgramModelTest, DirectCallsDoNotFollowOverrides) {
  FunctionSummary Derived = fn("D::run", loc("/p/main.cpp", 4));
  Derived.Overrides = {"B::run"};
  std::vector<TUSummary> S;
  S.push_back(
      tu("/p/main.cpp",
         {mainFn("/p/main.cpp", {call("B::run", loc("/p/main.cpp", 2))}),
          fn("B::run", loc("/p/main.cpp", 3)), Derived}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  EXPECT_EQ(callees(*M, nodeOf(*M, "/p/main.cpp", "c:@F@main#")).size(), 1u);
}

TEST(ProgramModelTest, CollectsRegisteredAnnotatedAndNamedHandlers) {
  FunctionSummary Annotated = fn("ann", loc("/p/main.cpp", 5));
  Annotated.IsAnnotatedHandler = true;
  FunctionSummary Named = fn("ns::named", loc("/p/main.cpp", 7));
  TUSummary T =
      tu("/p/main.cpp", {mainFn("/p/main.cpp"), fn("h", loc("/p/main.cpp", 3)),
                         Annotated, Named});
  T.Handlers.push_back(registration("h", loc("/p/main.cpp", 1, 5)));
  // The same registration seen twice (e.g. through a header) is one handler.
  T.Handlers.push_back(registration("h", loc("/p/main.cpp", 1, 5)));
  std::vector<TUSummary> S;
  S.push_back(std::move(T));
  auto M = ProgramModel::build(std::move(S), {"::ns::named"});
  ASSERT_TRUE(static_cast<bool>(M));
  ASSERT_EQ(M->handlers().size(), 3u);
  EXPECT_EQ(M->handlers()[0].DisplayName, "h");
  EXPECT_EQ(M->handlers()[1].Kind, HandlerKind::Annotated);
  EXPECT_EQ(M->handlers()[2].DisplayName, "ns::named");
  EXPECT_EQ(M->handlers()[2].Kind, HandlerKind::Named);
}

TEST(ProgramModelTest, UnknownNamedHandlerIsAnError) {
  std::vector<TUSummary> S;
  S.push_back(tu("/p/main.cpp", {mainFn("/p/main.cpp")}));
  auto M = ProgramModel::build(std::move(S), {"nowhere"});
  ASSERT_FALSE(static_cast<bool>(M));
  EXPECT_EQ(llvm::toString(M.takeError()),
            "handler 'nowhere' matches no function defined in the "
            "compilation database");
}

TEST(ProgramModelTest, TUBelongsToTheDeepestProgramRoot) {
  std::vector<TUSummary> S;
  S.push_back(tu("/r/main.cpp", {mainFn("/r/main.cpp")}));
  S.push_back(tu("/r/fn/main.cpp", {mainFn("/r/fn/main.cpp")}));
  S.push_back(tu("/r/fn/src/a.cpp", {}));
  S.push_back(tu("/r/fnx/b.cpp", {}));
  auto M = ProgramModel::build(std::move(S), {});
  ASSERT_TRUE(static_cast<bool>(M));
  EXPECT_EQ(M->programs()[M->programOf(2)].RootDir, "/r/fn");
  // /r/fnx is not under /r/fn: path components, not string prefixes.
  EXPECT_EQ(M->programs()[M->programOf(3)].RootDir, "/r");
}

} // namespace
