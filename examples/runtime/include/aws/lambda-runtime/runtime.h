//===- runtime.h - Lambda Runtime API client (aws-lambda-cpp surface) -----===//
//
// The public surface of awslabs/aws-lambda-cpp's runtime.h, so that code
// written against the real library builds here unchanged (the real library is
// not packaged in Debian). Names follow aws-lambda-cpp, not brisk's style.
//
//===----------------------------------------------------------------------===//

#ifndef AWS_LAMBDA_RUNTIME_RUNTIME_H
#define AWS_LAMBDA_RUNTIME_RUNTIME_H

#include "aws/lambda-runtime/outcome.h"

#include <chrono>
#include <functional>
#include <string>

namespace aws {
namespace lambda_runtime {

struct invocation_request {
  /// The event, as the Runtime API delivered it (UTF-8).
  std::string payload;
  std::string request_id;
  std::string xray_trace_id;
  std::string client_context;
  std::string cognito_identity;
  std::string function_arn;
  std::string content_type;
  std::chrono::time_point<std::chrono::system_clock> deadline;

  /// Milliseconds left before Lambda stops this invocation.
  std::chrono::milliseconds get_time_remaining() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::system_clock::now());
  }
};

class invocation_response {
public:
  static invocation_response success(std::string const &payload,
                                     std::string const &content_type);
  /// The payload becomes Lambda's error document:
  /// {"errorMessage": ..., "errorType": ..., "stackTrace": []}.
  static invocation_response failure(std::string const &error_message,
                                     std::string const &error_type);

  std::string const &get_payload() const { return m_payload; }
  std::string const &get_content_type() const { return m_content_type; }
  bool is_success() const { return m_success; }

private:
  invocation_response() = default;

  std::string m_payload;
  std::string m_content_type;
  bool m_success = false;
};

/// Why a Runtime API call did not succeed: an HTTP status, or 0 when no
/// response arrived at all.
using response_code = long;

struct no_result {};

/// One connection to the Runtime API at `endpoint` (host:port, as in
/// AWS_LAMBDA_RUNTIME_API).
class runtime {
public:
  using next_outcome = outcome<invocation_request, response_code>;
  using post_outcome = outcome<no_result, response_code>;

  explicit runtime(std::string const &endpoint);
  ~runtime();
  runtime(runtime const &) = delete;
  runtime &operator=(runtime const &) = delete;

  /// Blocks until Lambda hands over the next event.
  next_outcome get_next();
  post_outcome post_success(std::string const &request_id,
                            invocation_response const &handler_response);
  post_outcome post_failure(std::string const &request_id,
                            invocation_response const &handler_response);
  /// Tells Lambda that initialisation failed; Lambda then stops the
  /// environment.
  post_outcome post_init_error(invocation_response const &init_error);

private:
  post_outcome post(std::string const &url,
                    invocation_response const &response);

  std::string m_endpoint;
  void *m_curl; // CURL*, kept opaque so users need not see curl.h
};

/// Serves invocations one at a time until the Runtime API goes away: get the
/// next event, call `handler`, post what it returns.
void run_handler(
    std::function<invocation_response(invocation_request const &)> const
        &handler);

} // namespace lambda_runtime
} // namespace aws

#endif // AWS_LAMBDA_RUNTIME_RUNTIME_H
