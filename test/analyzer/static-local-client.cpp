// A function-local static is built once, on the first invocation: silent.
// Its non-static twin is reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static Aws::S3::S3Client &sharedClient() {
  static Aws::S3::S3Client Client;
  return Client;
}

static Aws::S3::S3Client makeClientEachTime() {
  Aws::S3::S3Client Client;
  // CHECK: [[FILE:.*static-local-client.cpp]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:35:3: note: 'handler' calls 'makeClientEachTime' here
  return Client;
}

static std::string lazilyBuiltByLambda() {
  // The lambda runs in the static's initialiser: once.
  static std::string Region = [] {
    Aws::S3::S3Client Probe;
    return std::string("eu-west-1");
  }();
  return Region;
}

static invocation_response handler(invocation_request const &Req) {
  sharedClient();
  lazilyBuiltByLambda();
  makeClientEachTime();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
