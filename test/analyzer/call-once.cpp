// A client built in a std::call_once callable runs once: silent. The same
// lambda called directly is reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// The unguarded writes are stateful-global's (stateful-global.cpp).
// RUN: not brisk-check -p %t --rules=-*,init-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <memory>
#include <mutex>

using namespace aws::lambda_runtime;

static std::once_flag Once;
static std::shared_ptr<Aws::S3::S3Client> Client;

static void initOnce() {
  std::call_once(Once, [] { Client = std::make_shared<Aws::S3::S3Client>(); });
}

static void initEveryTime() {
  auto Init = [] { Client = std::make_shared<Aws::S3::S3Client>(); };
  // CHECK: [[FILE:.*call-once.cpp]]:[[@LINE-1]]:29: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:32:3: note: 'handler' calls 'initEveryTime' here
  // CHECK: [[FILE]]:27:3: note: 'initEveryTime' calls 'initEveryTime::lambda' here
  Init();
}

static invocation_response handler(invocation_request const &Req) {
  initOnce();
  initEveryTime();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
