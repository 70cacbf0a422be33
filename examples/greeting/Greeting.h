//===- Greeting.h - The greeting function's logic, without the network ----===//
//
// The C++ port of the classic API Gateway greeting function. Kept apart from
// main.cpp so that it can be tested without a Runtime API.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_EXAMPLES_GREETING_GREETING_H
#define BRISK_EXAMPLES_GREETING_GREETING_H

#include <optional>
#include <string>
#include <string_view>

namespace greeting {

/// Who to greet: the `name` query string parameter of an API Gateway event
/// (HTTP API payload v2, or REST API v1), or "World" when it is absent or
/// empty. std::nullopt when the event is not a JSON object.
std::optional<std::string> nameFromEvent(std::string_view EventJson);

/// The API Gateway proxy response greeting Name:
/// {"statusCode":200,"headers":{"Content-Type":"application/json"},
///  "body":"{\"message\": \"Hello, Name! Welcome to Lambda.\"}"}
std::string proxyResponse(std::string_view Name);

} // namespace greeting

#endif // BRISK_EXAMPLES_GREETING_GREETING_H
