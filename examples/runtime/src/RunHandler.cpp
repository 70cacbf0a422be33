//===- RunHandler.cpp - The invocation loop -------------------------------===//

#include "aws/lambda-runtime/runtime.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace aws {
namespace lambda_runtime {

namespace {

/// Consecutive failed polls after which the Runtime API is taken to be gone.
constexpr unsigned MaxFailedPolls = 3;

/// A handler that throws fails its invocation, not the environment: an
/// escaped exception would end the process and make the next call cold.
invocation_response
callHandler(std::function<invocation_response(invocation_request const &)> const
                &Handler,
            invocation_request const &Request) {
  try {
    return Handler(Request);
  } catch (std::exception const &E) {
    return invocation_response::failure(E.what(), "UnhandledException");
  } catch (...) {
    return invocation_response::failure("the handler threw a non-standard "
                                        "exception",
                                        "UnhandledException");
  }
}

/// The X-Ray SDK reads the current trace id from the environment.
void publishTraceId(std::string const &TraceId) {
  if (TraceId.empty())
    unsetenv("_X_AMZN_TRACE_ID");
  else
    setenv("_X_AMZN_TRACE_ID", TraceId.c_str(), 1);
}

} // namespace

void run_handler(
    std::function<invocation_response(invocation_request const &)> const
        &handler) {
  const char *Endpoint = std::getenv("AWS_LAMBDA_RUNTIME_API");
  if (!Endpoint || !*Endpoint) {
    std::fprintf(stderr, "run_handler: AWS_LAMBDA_RUNTIME_API is not set; "
                         "run this function on Lambda or under a Runtime API "
                         "emulator\n");
    return;
  }
  runtime Runtime(Endpoint);
  if (!handler) {
    Runtime.post_init_error(invocation_response::failure(
        "run_handler was given an empty handler", "Runtime.InvalidHandler"));
    return;
  }

  unsigned FailedPolls = 0;
  while (FailedPolls < MaxFailedPolls) {
    runtime::next_outcome Next = Runtime.get_next();
    if (!Next.is_success()) {
      ++FailedPolls;
      std::fprintf(stderr,
                   "run_handler: polling the Runtime API failed (%ld)\n",
                   Next.get_failure());
      continue;
    }
    FailedPolls = 0;
    invocation_request const &Request = Next.get_result();
    publishTraceId(Request.xray_trace_id);
    invocation_response Response = callHandler(handler, Request);
    runtime::post_outcome Posted =
        Response.is_success()
            ? Runtime.post_success(Request.request_id, Response)
            : Runtime.post_failure(Request.request_id, Response);
    if (!Posted.is_success())
      std::fprintf(stderr,
                   "run_handler: posting the result of %s failed (%ld)\n",
                   Request.request_id.c_str(), Posted.get_failure());
  }
}

} // namespace lambda_runtime
} // namespace aws
