// Test stub of aws-lambda-cpp's public surface (declarations only).
#pragma once
#include <chrono>
#include <functional>
#include <string>

namespace aws {
namespace http {
enum class response_code { REQUEST_NOT_MADE = -1, OK = 200 };
} // namespace http
namespace lambda_runtime {

struct invocation_request {
  std::string payload;
  std::string request_id;
  std::string xray_trace_id;
  std::string client_context;
  std::string cognito_identity;
  std::string function_arn;
  std::string content_type;
  std::chrono::time_point<std::chrono::system_clock> deadline;
  std::chrono::milliseconds get_time_remaining() const;
};

class invocation_response {
public:
  invocation_response(std::string const &payload,
                      std::string const &content_type, bool success);
  static invocation_response success(std::string const &payload,
                                     std::string const &content_type);
  static invocation_response failure(std::string const &error_message,
                                     std::string const &error_type);
  std::string const &get_payload() const;
  bool is_success() const;
};

template <typename TSuccess, typename TFailure> class outcome {
public:
  outcome(TSuccess const &s);
  outcome(TFailure const &f);
  TSuccess const &get_result() const &;
  TSuccess &&get_result() &&;
  TFailure const &get_failure() const &;
  bool is_success() const;
};

struct no_result {};

class runtime {
public:
  using next_outcome = outcome<invocation_request, http::response_code>;
  using post_outcome = outcome<no_result, http::response_code>;
  runtime(std::string const &endpoint);
  runtime(std::string const &endpoint, std::string const &user_agent);
  ~runtime();
  next_outcome get_next();
  post_outcome post_success(std::string const &request_id,
                            invocation_response const &handler_response);
  post_outcome post_failure(std::string const &request_id,
                            invocation_response const &handler_response);
};

void run_handler(
    std::function<invocation_response(invocation_request const &)> const
        &handler);

} // namespace lambda_runtime
} // namespace aws
