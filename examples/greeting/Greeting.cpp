//===- Greeting.cpp - The greeting function's logic -----------------------===//

#include "Greeting.h"

#include <nlohmann/json.hpp>

namespace greeting {

namespace {

/// Serialises with bytes that are not UTF-8 replaced, so that no name can
/// make the response fail.
std::string dumpJson(nlohmann::ordered_json const &Value) {
  return Value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::optional<std::string> nameFromEvent(std::string_view EventJson) {
  nlohmann::json Event = nlohmann::json::parse(EventJson, nullptr, false);
  if (Event.is_discarded() || !Event.is_object())
    return std::nullopt;
  // API Gateway sends null or leaves the field out when there is no query.
  auto Query = Event.find("queryStringParameters");
  if (Query == Event.end() || !Query->is_object())
    return "World";
  auto Name = Query->find("name");
  if (Name == Query->end() || !Name->is_string() ||
      Name->get_ref<std::string const &>().empty())
    return "World";
  return Name->get<std::string>();
}

std::string proxyResponse(std::string_view Name) {
  std::string Message = "Hello, " + std::string(Name) + "! Welcome to Lambda.";
  // The body is itself JSON, written as Python's json.dumps writes it
  // (a space after the colon), as the original function's clients see it.
  std::string Body = "{\"message\": " + dumpJson(Message) + "}";
  nlohmann::ordered_json Response = {
      {"statusCode", 200},
      {"headers", {{"Content-Type", "application/json"}}},
      {"body", Body}};
  return dumpJson(Response);
}

} // namespace greeting
