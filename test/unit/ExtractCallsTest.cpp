//===- ExtractCallsTest.cpp - Call edges, overrides and locations ---------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

TEST(ExtractCalls, DirectMemberOperatorAndConstructorCalls) {
  TUSummary S = summarize(R"(
struct Widget {
  Widget(int);
  ~Widget();
  void poke();
  Widget &operator+=(int);
};
void helper(int);
void run(int N) {
  helper(N);
  Widget W(N);
  W.poke();
  W += 2;
  Widget *P = new Widget(3);
  delete P;
}
)");
  const FunctionSummary *Run = function(S, "run");
  ASSERT_NE(Run, nullptr);
  EXPECT_EQ(Run->Loc.File, "/virtual/handler.cpp");
  EXPECT_EQ(Run->Loc.Line, 9u);

  auto Helper = callsTo(*Run, "helper");
  ASSERT_EQ(Helper.size(), 1u);
  EXPECT_EQ(Helper[0]->Kind, CallKind::Direct);
  EXPECT_EQ(Helper[0]->Loc.Line, 10u);
  EXPECT_EQ(Helper[0]->Loc.Column, 3u);

  auto Ctors = callsTo(*Run, "Widget::Widget");
  ASSERT_EQ(Ctors.size(), 2u);
  EXPECT_EQ(Ctors[0]->Kind, CallKind::Constructor);
  EXPECT_EQ(Ctors[0]->Loc.Line, 11u);
  EXPECT_EQ(Ctors[1]->Loc.Line, 14u);

  EXPECT_EQ(callsTo(*Run, "Widget::poke").size(), 1u);
  EXPECT_EQ(callsTo(*Run, "Widget::operator+=").size(), 1u);
  // The local's destructor at its declaration, and the deleted object's.
  auto Dtors = callsTo(*Run, "Widget::~Widget");
  ASSERT_EQ(Dtors.size(), 2u);
  EXPECT_EQ(Dtors[0]->Kind, CallKind::Destructor);
}

TEST(ExtractCalls, VirtualCallsAndOverrides) {
  TUSummary S = summarize(R"(
struct Base { virtual void step(); virtual ~Base(); };
struct Mid : Base { void step() override; };
struct Leaf : Mid { void step() override {} };
void drive(Base &B, Leaf &L) {
  B.step();
  B.Base::step();
}
)");
  const FunctionSummary *Drive = function(S, "drive");
  ASSERT_NE(Drive, nullptr);
  auto Steps = callsTo(*Drive, "Base::step");
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_EQ(Steps[0]->Kind, CallKind::Virtual);
  EXPECT_EQ(Steps[1]->Kind, CallKind::Direct) << "qualified call is static";

  const FunctionSummary *Leaf = function(S, "Leaf::step");
  ASSERT_NE(Leaf, nullptr);
  // Every method it overrides, directly or not, so any call resolves.
  EXPECT_EQ(Leaf->Overrides.size(), 2u);
  EXPECT_NE(std::find(Leaf->Overrides.begin(), Leaf->Overrides.end(),
                      Steps[0]->CalleeUSR),
            Leaf->Overrides.end());
}

TEST(ExtractCalls, LambdasAreTheirOwnFunctions) {
  TUSummary S = summarize(R"(
void inner();
void outer();
void make() {
  auto L = [] { inner(); };
  L();
  [] { outer(); }();
}
)");
  const FunctionSummary *Make = function(S, "make");
  ASSERT_NE(Make, nullptr);
  EXPECT_TRUE(callsTo(*Make, "inner").empty()) << "belongs to the lambda";
  auto Lambdas = callsTo(*Make, "make::lambda");
  ASSERT_GE(Lambdas.size(), 2u);
  std::vector<const FunctionSummary *> LambdaSummaries;
  for (const FunctionSummary &F : S.Functions)
    if (F.QualifiedName == "make::lambda")
      LambdaSummaries.push_back(&F);
  ASSERT_EQ(LambdaSummaries.size(), 2u);
  EXPECT_EQ(callsTo(*LambdaSummaries[0], "inner").size(), 1u);
  EXPECT_EQ(callsTo(*LambdaSummaries[1], "outer").size(), 1u);
  // Each edge leads to a summarised lambda.
  for (const CallSite *C : Lambdas)
    EXPECT_TRUE(C->CalleeUSR == LambdaSummaries[0]->USR ||
                C->CalleeUSR == LambdaSummaries[1]->USR);
}

TEST(ExtractCalls, FunctionObjectsCreatedAreCallable) {
  TUSummary S = summarize(R"(
void work();
struct Task { void operator()() const { work(); } };
void schedule() { Task T; (void)T; }
)");
  const FunctionSummary *Schedule = function(S, "schedule");
  ASSERT_NE(Schedule, nullptr);
  auto Ops = callsTo(*Schedule, "Task::operator()");
  ASSERT_EQ(Ops.size(), 1u);
  EXPECT_EQ(Ops[0]->Kind, CallKind::Callable);
}

TEST(ExtractCalls, MakeUniqueConstructsAtTheCallSite) {
  TUSummary S = summarize(R"(
#include <memory>
struct Engine { explicit Engine(int); };
std::unique_ptr<Engine> build(int N) { return std::make_unique<Engine>(N); }
)");
  const FunctionSummary *Build = function(S, "build");
  ASSERT_NE(Build, nullptr);
  auto Ctors = callsTo(*Build, "Engine::Engine");
  ASSERT_EQ(Ctors.size(), 1u);
  EXPECT_EQ(Ctors[0]->Kind, CallKind::Constructor);
  EXPECT_EQ(Ctors[0]->Loc.Line, 4u);
  EXPECT_EQ(Ctors[0]->Loc.Column, 47u);
  ASSERT_EQ(Ctors[0]->Args.size(), 1u);
  EXPECT_EQ(Ctors[0]->Args[0].ParamMask, 1u);
}

TEST(ExtractCalls, TemplateCallsLeadToTheInstantiationSummary) {
  TUSummary S = summarize(R"(
void helper();
template <typename T> void visit(T) { helper(); }
template <typename T> struct Box { void open() { helper(); } };
void f() {
  visit(1);
  visit(2.0);
  Box<int>().open();
}
)");
  const FunctionSummary *F = function(S, "f");
  const FunctionSummary *VisitInt = function(S, "visit<int>");
  const FunctionSummary *VisitDouble = function(S, "visit<double>");
  const FunctionSummary *Open = function(S, "Box<int>::open");
  ASSERT_NE(F, nullptr);
  ASSERT_NE(VisitInt, nullptr);
  ASSERT_NE(VisitDouble, nullptr);
  ASSERT_NE(Open, nullptr);
  EXPECT_EQ(callsTo(*VisitInt, "helper").size(), 1u);
  EXPECT_NE(VisitInt->USR, VisitDouble->USR);
  // Each call names the instantiation it runs, which has its own summary.
  auto Ints = callsTo(*F, "visit<int>");
  auto Doubles = callsTo(*F, "visit<double>");
  ASSERT_EQ(Ints.size(), 1u);
  ASSERT_EQ(Doubles.size(), 1u);
  EXPECT_EQ(Ints[0]->CalleeUSR, VisitInt->USR);
  EXPECT_EQ(Doubles[0]->CalleeUSR, VisitDouble->USR);
  auto Opens = callsTo(*F, "Box<int>::open");
  ASSERT_EQ(Opens.size(), 1u);
  EXPECT_EQ(Opens[0]->CalleeUSR, Open->USR);
  // The pattern is summarised too, for callers that only see it.
  EXPECT_NE(function(S, "visit"), nullptr);
}

TEST(ExtractCalls, SystemHeaderBodiesAreNotSummarised) {
  TUSummary S = summarize(R"(
#include <string>
#include <vector>
int size(const std::vector<std::string> &V) { return (int)V.size(); }
)");
  for (const FunctionSummary &F : S.Functions)
    EXPECT_EQ(F.Loc.File, "/virtual/handler.cpp") << F.QualifiedName;
  EXPECT_NE(function(S, "size"), nullptr);
}

TEST(ExtractCalls, BrokenCodeStillYieldsASummary) {
  std::string Diags;
  TUSummary S = summarize(R"(
#include "does/not/exist.h"
void helper();
void handler() { helper(); undeclared(); }
)",
                          &Diags);
  EXPECT_TRUE(S.HadErrors);
  EXPECT_GE(S.ErrorCount, 1u);
  EXPECT_NE(Diags.find("/virtual/handler.cpp:2:10: fatal error: "
                       "'does/not/exist.h' file not found"),
            std::string::npos)
      << Diags;
  const FunctionSummary *H = function(S, "handler");
  ASSERT_NE(H, nullptr);
  EXPECT_EQ(callsTo(*H, "helper").size(), 1u);
}

TEST(ExtractCalls, GarbageIsAnErrorNotACrash) {
  std::string Garbage = "int main(( {{{ ]] template<<< class\n\"open";
  for (int I = 0; I < 256; ++I)
    Garbage += char(I * 37 % 256);
  std::string Diags;
  TUSummary S = summarize(Garbage, &Diags);
  EXPECT_TRUE(S.HadErrors);
  EXPECT_GE(S.ErrorCount, 1u);
  EXPECT_NE(Diags.find("/virtual/handler.cpp:1:"), std::string::npos) << Diags;
}

} // namespace
