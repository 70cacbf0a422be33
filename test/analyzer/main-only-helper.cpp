// Code that only main reaches is init code: silent. The same helper called
// from the handler is reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/core/Aws.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static void setUp() {
  Aws::SDKOptions Options;
  Aws::InitAPI(Options);
  Aws::S3::S3Client Warm;
}

static void refresh() {
  Aws::S3::S3Client Fresh;
  // CHECK: [[FILE:.*main-only-helper.cpp]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:25:3: note: 'handler' calls 'refresh' here
}

static invocation_response handler(invocation_request const &Req) {
  refresh();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  setUp();
  refresh();
  run_handler(handler);
  return 0;
}
