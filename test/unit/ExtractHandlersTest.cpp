//===- ExtractHandlersTest.cpp - The four kinds of handler ----------------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

constexpr const char *Prelude = R"(
#include <aws/lambda-runtime/runtime.h>
using namespace aws::lambda_runtime;
invocation_response work(invocation_request const &);
)";

/// The summary the registration points at; fails when there is none.
const FunctionSummary *handlerSummary(const TUSummary &S, unsigned I = 0) {
  if (I >= S.Handlers.size()) {
    ADD_FAILURE() << "no handler registration " << I;
    return nullptr;
  }
  for (const FunctionSummary &F : S.Functions)
    if (F.USR == S.Handlers[I].HandlerUSR)
      return &F;
  ADD_FAILURE() << "handler " << S.Handlers[I].DisplayName << " has no summary";
  return nullptr;
}

TEST(ExtractHandlers, FunctionPassedToRunHandler) {
  TUSummary S = summarize(std::string(Prelude) + R"(
invocation_response handler(invocation_request const &R) { return work(R); }
int main() { run_handler(handler); }
)");
  ASSERT_EQ(S.Handlers.size(), 1u);
  EXPECT_EQ(S.Handlers[0].Kind, HandlerKind::RunHandlerArgument);
  EXPECT_EQ(S.Handlers[0].DisplayName, "handler");
  EXPECT_EQ(S.Handlers[0].Loc.Line, 7u);
  EXPECT_EQ(S.Handlers[0].Loc.Column, 14u);
  const FunctionSummary *H = handlerSummary(S);
  ASSERT_NE(H, nullptr);
  EXPECT_EQ(H->QualifiedName, "handler");
  EXPECT_TRUE(function(S, "main")->IsMain);
}

TEST(ExtractHandlers, InlineLambdaAndLambdaVariable) {
  TUSummary S = summarize(std::string(Prelude) + R"(
int main() {
  run_handler([](invocation_request const &R) { return work(R); });
  auto H = [](invocation_request const &R) { return work(R); };
  run_handler(H);
}
)");
  ASSERT_EQ(S.Handlers.size(), 2u);
  for (unsigned I = 0; I < 2; ++I) {
    const FunctionSummary *H = handlerSummary(S, I);
    ASSERT_NE(H, nullptr);
    EXPECT_EQ(H->QualifiedName, "main::lambda");
    EXPECT_TRUE(H->IsLambda);
    EXPECT_EQ(callsTo(*H, "work").size(), 1u);
  }
  EXPECT_FALSE(function(S, "main")->IsLambda);
  EXPECT_NE(S.Handlers[0].HandlerUSR, S.Handlers[1].HandlerUSR);
}

TEST(ExtractHandlers, FunctionObject) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Handler {
  invocation_response operator()(invocation_request const &R) const {
    return work(R);
  }
};
int main() {
  Handler H;
  run_handler(H);
  run_handler(Handler{});
}
)");
  ASSERT_EQ(S.Handlers.size(), 2u);
  for (unsigned I = 0; I < 2; ++I) {
    const FunctionSummary *H = handlerSummary(S, I);
    ASSERT_NE(H, nullptr);
    EXPECT_EQ(H->QualifiedName, "Handler::operator()");
    EXPECT_FALSE(H->IsLambda) << "a function object is not a lambda";
  }
}

TEST(ExtractHandlers, StdFunctionTracedToItsInitialiser) {
  TUSummary S = summarize(std::string(Prelude) + R"(
invocation_response direct(invocation_request const &R) { return work(R); }
std::function<invocation_response(invocation_request const &)> gHandler =
    direct;
int main() {
  auto L = [](invocation_request const &R) { return work(R); };
  std::function<invocation_response(invocation_request const &)> F = L;
  run_handler(F);
  run_handler(gHandler);
}
)");
  ASSERT_EQ(S.Handlers.size(), 2u);
  const FunctionSummary *First = handlerSummary(S, 0);
  ASSERT_NE(First, nullptr);
  EXPECT_EQ(First->QualifiedName, "main::lambda");
  const FunctionSummary *Second = handlerSummary(S, 1);
  ASSERT_NE(Second, nullptr);
  EXPECT_EQ(Second->QualifiedName, "direct");
}

TEST(ExtractHandlers, StdFunctionAssignedAfterItsDeclaration) {
  TUSummary S = summarize(std::string(Prelude) + R"(
invocation_response direct(invocation_request const &R) { return work(R); }
int main(int argc, char **) {
  std::function<invocation_response(invocation_request const &)> F;
  F = direct;
  run_handler(F);
  std::function<invocation_response(invocation_request const &)> Empty;
  if (argc > 5)
    run_handler(Empty);
}
)");
  ASSERT_EQ(S.Handlers.size(), 1u) << "an empty std::function runs nothing";
  const FunctionSummary *H = handlerSummary(S);
  ASSERT_NE(H, nullptr);
  EXPECT_EQ(H->QualifiedName, "direct");
}

TEST(ExtractHandlers, RunHandlerOfAnotherNamespaceIsNotARegistration) {
  TUSummary S = summarize(std::string(Prelude) + R"(
namespace mine { void run_handler(invocation_response (*)(invocation_request const &)); }
invocation_response handler(invocation_request const &R) { return work(R); }
int main() { mine::run_handler(handler); }
)");
  EXPECT_TRUE(S.Handlers.empty());
}

TEST(ExtractHandlers, RunHandlerSurvivesAFatalError) {
  // The missing header stops template instantiation: run_handler's
  // std::function conversion fails and only clang's recovery remains.
  std::string Diags;
  TUSummary S = summarize(R"(
#include <aws/lambda-runtime/runtime.h>
#include "missing/header.h"
#include <functional>
using namespace aws::lambda_runtime;
namespace jobs { void run_handler(std::function<void()> const &); }
invocation_response handler(invocation_request const &R);
void nightly();
int main() {
  run_handler(handler);
  jobs::run_handler(nightly);
  run_handler(undeclared);
}
)",
                          &Diags);
  EXPECT_NE(Diags.find("'missing/header.h' file not found"), std::string::npos)
      << Diags;
  ASSERT_EQ(S.Handlers.size(), 1u) << "only the Runtime's run_handler";
  EXPECT_EQ(S.Handlers[0].DisplayName, "handler");
  EXPECT_EQ(S.Handlers[0].Loc.Line, 10u);
}

TEST(ExtractHandlers, Annotated) {
  TUSummary S = summarize(std::string(Prelude) + R"(
[[clang::annotate("brisk::handler")]] void onEvent(const std::string &);
void onEvent(const std::string &) {}
[[clang::annotate("something::else")]] void other() {}
void plain() {}
)");
  ASSERT_NE(function(S, "onEvent"), nullptr);
  EXPECT_TRUE(function(S, "onEvent")->IsAnnotatedHandler);
  EXPECT_FALSE(function(S, "other")->IsAnnotatedHandler);
  EXPECT_FALSE(function(S, "plain")->IsAnnotatedHandler);
}

TEST(ExtractHandlers, PollingLoopWithRuntimeClient) {
  TUSummary S = summarize(std::string(Prelude) + R"(
void setup();
int main() {
  setup();
  runtime Rt("http://localhost");
  for (;;) {
    auto Next = Rt.get_next();
    auto Resp = work(Next.get_result());
    Rt.post_success(Next.get_result().request_id, Resp);
  }
}
)");
  ASSERT_EQ(S.Handlers.size(), 1u);
  EXPECT_EQ(S.Handlers[0].Kind, HandlerKind::PollingLoop);
  const FunctionSummary *Loop = handlerSummary(S);
  ASSERT_NE(Loop, nullptr);
  EXPECT_EQ(Loop->USR, function(S, "main")->USR + "#loop@10:3");
  EXPECT_EQ(callsTo(*Loop, "work").size(), 1u);
  const FunctionSummary *Main = function(S, "main");
  EXPECT_EQ(callsTo(*Main, "setup").size(), 1u);
  EXPECT_TRUE(callsTo(*Main, "work").empty()) << "moved into the loop";
}

TEST(ExtractHandlers, LocalsBeforeAPollingLoopAreItsState) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <string>
#include <vector>
int main() {
  runtime Rt("http://localhost");
  std::vector<std::string> Seen;
  for (;;) {
    auto Next = Rt.get_next();
    Seen.push_back(Next.get_result().payload);
    std::vector<std::string> Batch;
    Batch.push_back(Next.get_result().payload);
    Rt.post_success(Next.get_result().request_id, work(Next.get_result()));
  }
}
)");
  const FunctionSummary *Loop = handlerSummary(S);
  ASSERT_NE(Loop, nullptr);
  ASSERT_EQ(Loop->Writes.size(), 1u) << "the body's own local is not state";
  const StateRef &T = Loop->Writes[0].Target;
  EXPECT_EQ(T.Root, RefRoot::LoopLocal);
  EXPECT_EQ(T.Name, "Seen");
  EXPECT_EQ(T.Owner, function(S, "main")->USR);
}

TEST(ExtractHandlers, PollingLoopWithRawHttpThroughHelpers) {
  TUSummary S = summarize(R"(
#include <string>
std::string httpGet(const std::string &Url);
void httpPost(const std::string &Url, const std::string &Body);
std::string process(const std::string &);
static const char kNext[] = "/2018-06-01/runtime/invocation/next";
std::string nextEvent(const std::string &Api) {
  // A retry loop around the fetch alone is not the handler.
  while (true) {
    std::string E = httpGet("http://" + Api + kNext);
    if (!E.empty())
      return E;
  }
}
void respond(const std::string &Api, const std::string &Body) {
  httpPost("http://" + Api + "/2018-06-01/runtime/invocation/id/response",
           Body);
}
int main() {
  std::string Api = "127.0.0.1:9001";
  while (true) {
    std::string Event = nextEvent(Api);
    respond(Api, process(Event));
  }
  for (int I = 0; I < 3; ++I)
    process("not a handler");
}
)");
  ASSERT_EQ(S.Handlers.size(), 1u);
  EXPECT_EQ(S.Handlers[0].Kind, HandlerKind::PollingLoop);
  EXPECT_EQ(S.Handlers[0].Loc.Line, 21u);
  const FunctionSummary *Loop = handlerSummary(S);
  ASSERT_NE(Loop, nullptr);
  EXPECT_EQ(Loop->QualifiedName, "main::loop");
  auto Process = callsTo(*Loop, "process");
  ASSERT_EQ(Process.size(), 1u);
  // The helper fetched the event: what it returns is request data.
  ASSERT_EQ(Process[0]->Args.size(), 1u);
  EXPECT_EQ(Process[0]->Args[0].ParamMask, uint64_t(1)
                                               << ValueOrigin::LoopRequestBit);
}

TEST(ExtractHandlers, OrdinaryLoopsAreNotHandlers) {
  TUSummary S = summarize(R"(
#include <string>
#include <vector>
void process(const std::string &);
int main() {
  std::vector<std::string> Items = {"/runtime/other"};
  for (const auto &I : Items)
    process(I);
  while (Items.size() < 10)
    Items.push_back("x");
}
)");
  EXPECT_TRUE(S.Handlers.empty());
}

} // namespace
