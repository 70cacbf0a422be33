//===- RuntimeApiEmulatorTest.cpp - verify's local Runtime API ------------===//
//
// A C++ client (cpp-httplib's) plays the runtime: it polls next, posts
// answers and makes the mistakes real runtimes make, and each test checks the
// status code and document Lambda's Runtime API gives, and what the emulator
// records.
//
//===----------------------------------------------------------------------===//

#include "verify/RuntimeApiEmulator.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "gtest/gtest.h"

#include <chrono>
#include <thread>

using namespace brisk;
using namespace std::chrono_literals;

namespace {

constexpr const char *Next = "/2018-06-01/runtime/invocation/next";

class RuntimeApiEmulatorTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto Started = RuntimeApiEmulator::start(/*PrivateNetwork=*/false);
    ASSERT_TRUE(bool(Started)) << llvm::toString(Started.takeError());
    Api = std::move(*Started);
    std::string Endpoint = Api->endpoint();
    ASSERT_EQ(Endpoint.rfind("127.0.0.1:", 0), 0u) << Endpoint;
    Port = std::stoi(Endpoint.substr(10));
    Api->runtimeStarting();
  }

  /// A fresh client, as each thread of the "runtime" needs its own.
  httplib::Client client() const {
    httplib::Client C("127.0.0.1", Port);
    C.set_read_timeout(10, 0);
    return C;
  }

  static Invocation event(std::string Id) {
    Invocation E;
    E.RequestId = std::move(Id);
    E.Payload = R"({"hello":"world"})";
    E.FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:f";
    E.TraceId = "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e;Sampled=0";
    return E;
  }

  std::unique_ptr<RuntimeApiEmulator> Api;
  int Port = 0;
};

/// What the runtime got back (httplib's Result cannot wait in a variable).
struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;

  std::string get_header_value(const std::string &Name) const {
    auto It = headers.find(Name);
    return It == headers.end() ? "" : It->second;
  }
  bool has_header(const std::string &Name) const {
    return headers.count(Name) != 0;
  }
};
using MaybeReply = std::optional<Reply>;

MaybeReply reply(httplib::Result R) {
  if (!R)
    return std::nullopt;
  return Reply{R->status, R->body, R->headers};
}

std::string errorType(const MaybeReply &R) {
  nlohmann::json Doc = nlohmann::json::parse(R->body, nullptr, false);
  return Doc.is_object() ? Doc.value("errorType", "") : "";
}

std::string errorMessage(const MaybeReply &R) {
  nlohmann::json Doc = nlohmann::json::parse(R->body, nullptr, false);
  return Doc.is_object() ? Doc.value("errorMessage", "") : "";
}

TEST_F(RuntimeApiEmulatorTest,
       DeliversAnEventWithLambdaHeadersAndRecordsTheResponse) {
  std::this_thread::sleep_for(20ms);
  MaybeReply Polled;
  MaybeReply Posted;
  std::thread Runtime([&] {
    Polled = reply(client().Get(Next));
    if (!Polled)
      return;
    std::this_thread::sleep_for(10ms);
    std::string Id = Polled->get_header_value("Lambda-Runtime-Aws-Request-Id");
    Posted = reply(
        client().Post("/2018-06-01/runtime/invocation/" + Id + "/response",
                      R"({"answer":42})", "application/json"));
  });
  RuntimeAnswer Init = Api->waitForInit(5s);
  EXPECT_EQ(Init.Event, RuntimeEvent::Ready);
  EXPECT_GE(Init.Milliseconds, 20.0);

  Invocation E = event("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
  E.ClientContext = R"({"client":{"app_title":"t"}})";
  E.CognitoIdentity =
      R"({"cognitoIdentityId":"id","cognitoIdentityPoolId":"p"})";
  auto Before = std::chrono::system_clock::now();
  RuntimeAnswer A = Api->invoke(E, 3000ms);
  Runtime.join();

  ASSERT_TRUE(Polled);
  EXPECT_EQ(Polled->status, 200);
  EXPECT_EQ(Polled->body, R"({"hello":"world"})");
  EXPECT_EQ(Polled->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(Polled->get_header_value("Lambda-Runtime-Aws-Request-Id"),
            E.RequestId);
  EXPECT_EQ(Polled->get_header_value("Lambda-Runtime-Invoked-Function-Arn"),
            E.FunctionArn);
  EXPECT_EQ(Polled->get_header_value("Lambda-Runtime-Trace-Id"), E.TraceId);
  EXPECT_EQ(Polled->get_header_value("Lambda-Runtime-Client-Context"),
            E.ClientContext);
  EXPECT_EQ(Polled->get_header_value("Lambda-Runtime-Cognito-Identity"),
            E.CognitoIdentity);
  int64_t Deadline =
      std::stoll(Polled->get_header_value("Lambda-Runtime-Deadline-Ms"));
  int64_t Now = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Before.time_since_epoch())
                    .count();
  EXPECT_GE(Deadline, Now + 2900);
  EXPECT_LE(Deadline, Now + 4000);

  ASSERT_TRUE(Posted);
  EXPECT_EQ(Posted->status, 202);
  EXPECT_EQ(Posted->body, R"({"status":"OK"})");
  EXPECT_EQ(A.Event, RuntimeEvent::Response);
  EXPECT_EQ(A.Body, R"({"answer":42})");
  EXPECT_EQ(A.ContentType, "application/json");
  EXPECT_GE(A.Milliseconds, 10.0);
}

TEST_F(RuntimeApiEmulatorTest, ContextHeadersAreLeftOutWhenEmpty) {
  MaybeReply Polled;
  std::thread Runtime([&] {
    Polled = reply(client().Get(Next));
    if (Polled)
      client().Post("/2018-06-01/runtime/invocation/id-1/response", "1",
                    "application/json");
  });
  EXPECT_EQ(Api->invoke(event("id-1"), 3000ms).Event, RuntimeEvent::Response);
  Runtime.join();
  ASSERT_TRUE(Polled);
  EXPECT_FALSE(Polled->has_header("Lambda-Runtime-Client-Context"));
  EXPECT_FALSE(Polled->has_header("Lambda-Runtime-Cognito-Identity"));
}

TEST_F(RuntimeApiEmulatorTest, OutOfTurnAnswersGetLambdasStatusCodes) {
  MaybeReply Wrong, Empty, First, Twice, ErrorAfter, NextWhileRunning;
  std::thread Runtime([&] {
    MaybeReply Polled = reply(client().Get(Next));
    if (!Polled)
      return;
    Wrong = reply(client().Post("/2018-06-01/runtime/invocation/other/response",
                                "x", "application/json"));
    Empty = reply(client().Post("/2018-06-01/runtime/invocation//response", "x",
                                "application/json"));
    NextWhileRunning = reply(client().Get(Next));
    First = reply(client().Post("/2018-06-01/runtime/invocation/id-1/response",
                                "1", "application/json"));
    Twice = reply(client().Post("/2018-06-01/runtime/invocation/id-1/response",
                                "2", "application/json"));
    ErrorAfter = reply(client().Post(
        "/2018-06-01/runtime/invocation/id-1/error", "{}", "application/json"));
  });
  RuntimeAnswer A = Api->invoke(event("id-1"), 3000ms);
  Runtime.join();
  EXPECT_EQ(A.Event, RuntimeEvent::Response);
  EXPECT_EQ(A.Body, "1");

  ASSERT_TRUE(Wrong && Empty && First && Twice && ErrorAfter &&
              NextWhileRunning);
  EXPECT_EQ(Wrong->status, 400);
  EXPECT_EQ(
      Wrong->body,
      R"({"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"})");
  EXPECT_EQ(Empty->status, 400);
  EXPECT_EQ(errorType(Empty), "InvalidRequestID");
  EXPECT_EQ(NextWhileRunning->status, 403);
  EXPECT_EQ(errorType(NextWhileRunning), "InvalidStateTransition");
  EXPECT_EQ(errorMessage(NextWhileRunning),
            "State transition from Running to Ready failed for runtime. "
            "Error: State transition is not allowed");
  EXPECT_EQ(First->status, 202);
  EXPECT_EQ(Twice->status, 403);
  EXPECT_EQ(errorMessage(Twice),
            "State transition from RuntimeResponseSentState to "
            "InvocationResponse failed for runtime. Error: State transition "
            "is not allowed");
  EXPECT_EQ(ErrorAfter->status, 403);
  EXPECT_EQ(errorMessage(ErrorAfter),
            "State transition from RuntimeResponseSentState to "
            "InvocationErrorResponse failed for runtime. Error: State "
            "transition is not allowed");
}

TEST_F(RuntimeApiEmulatorTest, RecordsAnInvocationError) {
  MaybeReply Posted;
  std::thread Runtime([&] {
    if (!client().Get(Next))
      return;
    httplib::Headers H = {{"Lambda-Runtime-Function-Error-Type", "Unhandled"}};
    Posted = reply(client().Post(
        "/2018-06-01/runtime/invocation/id-1/error", H,
        R"({"errorMessage":"boom","errorType":"Oops"})", "application/json"));
  });
  RuntimeAnswer A = Api->invoke(event("id-1"), 3000ms);
  Runtime.join();
  ASSERT_TRUE(Posted);
  EXPECT_EQ(Posted->status, 202);
  EXPECT_EQ(A.Event, RuntimeEvent::Error);
  EXPECT_EQ(A.ErrorType, "Unhandled");
  EXPECT_EQ(A.Body, R"({"errorMessage":"boom","errorType":"Oops"})");
}

TEST_F(RuntimeApiEmulatorTest, AResponseOverSixMegabytesIs413AndAnError) {
  MaybeReply Posted;
  std::thread Runtime([&] {
    if (!client().Get(Next))
      return;
    Posted = reply(client().Post("/2018-06-01/runtime/invocation/id-1/response",
                                 std::string(MaxPayloadBytes + 1, 'x'),
                                 "application/json"));
  });
  RuntimeAnswer A = Api->invoke(event("id-1"), 10000ms);
  Runtime.join();
  ASSERT_TRUE(Posted);
  EXPECT_EQ(Posted->status, 413);
  EXPECT_EQ(
      Posted->body,
      R"({"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"})");
  EXPECT_EQ(A.Event, RuntimeEvent::Error);
  EXPECT_EQ(A.ErrorType, "Function.ResponseSizeTooLarge");
  EXPECT_EQ(
      A.Body,
      R"({"errorMessage":"Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"})");
}

TEST_F(RuntimeApiEmulatorTest, InitErrorBeforeNextOnly) {
  httplib::Headers H = {{"Lambda-Runtime-Function-Error-Type", "Runtime.X"}};
  MaybeReply Posted = reply(
      client().Post("/2018-06-01/runtime/init/error", H,
                    R"({"errorMessage":"no config","errorType":"ConfigError"})",
                    "application/json"));
  ASSERT_TRUE(Posted);
  EXPECT_EQ(Posted->status, 202);
  RuntimeAnswer Init = Api->waitForInit(5s);
  EXPECT_EQ(Init.Event, RuntimeEvent::InitError);
  EXPECT_EQ(Init.ErrorType, "Runtime.X");
  EXPECT_EQ(Init.Body,
            R"({"errorMessage":"no config","errorType":"ConfigError"})");

  MaybeReply Again = reply(client().Get(Next));
  ASSERT_TRUE(Again);
  EXPECT_EQ(Again->status, 403);
  EXPECT_EQ(errorMessage(Again), "State transition from InitError to Ready "
                                 "failed for runtime. Error: State "
                                 "transition is not allowed");
}

TEST_F(RuntimeApiEmulatorTest, InitErrorAfterInitIs403) {
  std::thread Runtime([&] {
    if (client().Get(Next))
      client().Post("/2018-06-01/runtime/invocation/id-1/response", "1",
                    "application/json");
  });
  EXPECT_EQ(Api->waitForInit(5s).Event, RuntimeEvent::Ready);
  MaybeReply Posted = reply(client().Post("/2018-06-01/runtime/init/error",
                                          "{}", "application/json"));
  ASSERT_TRUE(Posted);
  EXPECT_EQ(Posted->status, 403);
  EXPECT_EQ(errorMessage(Posted), "State transition from Ready to InitError "
                                  "failed for runtime. Error: State "
                                  "transition is not allowed");
  EXPECT_EQ(Api->invoke(event("id-1"), 3000ms).Event, RuntimeEvent::Response);
  Runtime.join();
}

TEST_F(RuntimeApiEmulatorTest, UnknownPathsAre404AndWrongMethods405) {
  MaybeReply Unknown = reply(client().Get("/2018-06-01/runtime/other"));
  MaybeReply OldVersion =
      reply(client().Get("/2017-01-01/runtime/invocation/next"));
  MaybeReply PostNext = reply(client().Post(Next, "", "application/json"));
  MaybeReply GetResponse =
      reply(client().Get("/2018-06-01/runtime/invocation/id/response"));
  ASSERT_TRUE(Unknown && OldVersion && PostNext && GetResponse);
  EXPECT_EQ(Unknown->status, 404);
  EXPECT_EQ(OldVersion->status, 404);
  EXPECT_EQ(PostNext->status, 405);
  EXPECT_EQ(GetResponse->status, 405);
}

TEST_F(RuntimeApiEmulatorTest, TimeoutsAndExitsEndTheWait) {
  std::thread Runtime([&] { client().Get(Next); });
  EXPECT_EQ(Api->waitForInit(5s).Event, RuntimeEvent::Ready);
  EXPECT_TRUE(Api->waitForIdle(5s));
  RuntimeAnswer Late = Api->invoke(event("id-1"), 100ms);
  EXPECT_EQ(Late.Event, RuntimeEvent::TimedOut);
  EXPECT_GE(Late.Milliseconds, 100.0);
  Runtime.join();

  Api->runtimeExited();
  EXPECT_EQ(Api->invoke(event("id-2"), 5000ms).Event, RuntimeEvent::Exited);
  EXPECT_FALSE(Api->waitForIdle(5s));
}

TEST_F(RuntimeApiEmulatorTest, NoRuntimeMeansAnInitTimeout) {
  RuntimeAnswer Init = Api->waitForInit(50ms);
  EXPECT_EQ(Init.Event, RuntimeEvent::TimedOut);
  Api->runtimeExited();
  EXPECT_EQ(Api->waitForInit(5s).Event, RuntimeEvent::Exited);
}

} // namespace
