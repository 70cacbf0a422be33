//===- GreetingTest.cpp - The greeting example's logic --------------------===//

#include "Greeting.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using greeting::nameFromEvent;
using greeting::proxyResponse;

namespace {

constexpr const char *AliceEvent = R"({
  "version": "2.0", "routeKey": "GET /hello", "rawPath": "/hello",
  "rawQueryString": "name=Alice",
  "queryStringParameters": {"name": "Alice"},
  "requestContext": {"http": {"method": "GET", "path": "/hello"}},
  "isBase64Encoded": false})";

/// The message inside the response's body, which is JSON inside JSON.
std::string messageOf(std::string const &Response) {
  auto Outer = nlohmann::json::parse(Response, nullptr, false);
  if (Outer.is_discarded() || !Outer.contains("body") ||
      !Outer["body"].is_string())
    return "<no body>";
  auto Body =
      nlohmann::json::parse(Outer["body"].get<std::string>(), nullptr, false);
  if (Body.is_discarded() || !Body.contains("message") ||
      !Body["message"].is_string())
    return "<no message>";
  return Body["message"].get<std::string>();
}

TEST(GreetingTest, NameComesFromTheQueryString) {
  EXPECT_EQ(nameFromEvent(AliceEvent), "Alice");
}

TEST(GreetingTest, AliceGetsTheExactProxyResponse) {
  EXPECT_EQ(
      proxyResponse("Alice"),
      R"({"statusCode":200,"headers":{"Content-Type":"application/json"},)"
      R"("body":"{\"message\": \"Hello, Alice! Welcome to Lambda.\"}"})");
}

TEST(GreetingTest, WithoutANameItGreetsTheWorld) {
  EXPECT_EQ(nameFromEvent(R"({"version": "2.0", "rawQueryString": ""})"),
            "World");
  // REST APIs (payload v1) send null when there is no query string.
  EXPECT_EQ(nameFromEvent(R"({"queryStringParameters": null})"), "World");
  EXPECT_EQ(nameFromEvent(R"({"queryStringParameters": {"lang": "fr"}})"),
            "World");
  EXPECT_EQ(nameFromEvent(R"({"queryStringParameters": {"name": ""}})"),
            "World");
  EXPECT_EQ(nameFromEvent(R"({"queryStringParameters": {"name": 42}})"),
            "World");
  EXPECT_EQ(messageOf(proxyResponse("World")),
            "Hello, World! Welcome to Lambda.");
}

TEST(GreetingTest, EventsThatAreNotJsonObjectsAreRejected) {
  EXPECT_EQ(nameFromEvent(""), std::nullopt);
  EXPECT_EQ(nameFromEvent("not json"), std::nullopt);
  EXPECT_EQ(nameFromEvent(R"({"queryStringParameters": )"), std::nullopt);
  EXPECT_EQ(nameFromEvent(R"(["name", "Alice"])"), std::nullopt);
  EXPECT_EQ(nameFromEvent(R"("Alice")"), std::nullopt);
}

TEST(GreetingTest, NamesAreEscapedNotInjected) {
  std::string Tricky = "Bob\", \"admin\": true, \"x\": \"\\";
  EXPECT_EQ(messageOf(proxyResponse(Tricky)),
            "Hello, " + Tricky + "! Welcome to Lambda.");
  EXPECT_EQ(messageOf(proxyResponse("Zoë 世界")),
            "Hello, Zoë 世界! Welcome to Lambda.");
}

TEST(GreetingTest, BytesThatAreNotUtf8StillGiveValidJson) {
  std::string Response = proxyResponse("\xff\xfe");
  EXPECT_FALSE(nlohmann::json::parse(Response, nullptr, false).is_discarded());
  EXPECT_EQ(messageOf(Response), "Hello, \xEF\xBF\xBD\xEF\xBF\xBD! Welcome "
                                 "to Lambda.");
}

} // namespace
