// After a fatal error (a missing header) clang no longer instantiates
// templates, so run_handler's std::function conversion fails and the call
// survives only as recovery. The registration is still found from the name
// clang looked up: the function and the lambda passed to run_handler are
// handlers. A same-named function of another namespace registers nothing, so
// what it is given stays silent.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>/dev/null | FileCheck %s --implicit-check-not=warning:
// RUN: not brisk-check -p %t --format=json 2>/dev/null | FileCheck %s --check-prefix=JSON

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include "does/not/exist.h"

#include <functional>

using namespace aws::lambda_runtime;

namespace jobs {
void run_handler(std::function<void()> const &Job);
} // namespace jobs

static invocation_response handler(invocation_request const &Req) {
  Aws::S3::S3Client Client;
  // CHECK: {{.*}}missing-header-run-handler.cpp:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  return invocation_response::success(Req.payload, "text/plain");
}

static void nightly() { Aws::S3::S3Client Client; }

int main() {
  run_handler(handler);
  aws::lambda_runtime::run_handler([](invocation_request const &Req) {
    Aws::S3::S3Client Client;
    // CHECK: {{.*}}missing-header-run-handler.cpp:[[@LINE-1]]:23: warning: 'Aws::S3::S3Client' in handler 'main::lambda'
    return invocation_response::success(Req.payload, "text/plain");
  });
  jobs::run_handler(nightly);
  return 0;
}

// JSON: "parse_errors": 1,
// JSON: "handlers": 2,
