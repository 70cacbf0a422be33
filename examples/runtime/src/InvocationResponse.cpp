//===- InvocationResponse.cpp - What a handler hands back -----------------===//

#include "aws/lambda-runtime/runtime.h"

#include <nlohmann/json.hpp>

namespace aws {
namespace lambda_runtime {

invocation_response
invocation_response::success(std::string const &payload,
                             std::string const &content_type) {
  invocation_response Response;
  Response.m_payload = payload;
  Response.m_content_type = content_type;
  Response.m_success = true;
  return Response;
}

invocation_response
invocation_response::failure(std::string const &error_message,
                             std::string const &error_type) {
  nlohmann::ordered_json Error = {{"errorMessage", error_message},
                                  {"errorType", error_type},
                                  {"stackTrace", nlohmann::json::array()}};
  invocation_response Response;
  // A message may quote bytes that are not UTF-8; replace them rather than
  // let the error report itself fail.
  Response.m_payload =
      Error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Response.m_content_type = "application/json";
  Response.m_success = false;
  return Response;
}

} // namespace lambda_runtime
} // namespace aws
