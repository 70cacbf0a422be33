// A function object passed to run_handler: its operator() is the handler.
// Its constructor runs once, in main: silent there.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <curl/curl.h>

using namespace aws::lambda_runtime;

struct Handler {
  Handler() { curl_global_init(CURL_GLOBAL_ALL); }
  invocation_response operator()(invocation_request const &Req) const {
    CURL *Curl = curl_easy_init();
    // CHECK: [[FILE:.*functor-handler.cpp]]:[[@LINE-1]]:18: warning: 'curl_easy_init' in handler 'Handler::operator()': curl_easy_init called per invocation
    (void)Curl;
    return invocation_response::success(Req.payload, "text/plain");
  }
};

int main() {
  Handler H;
  run_handler(H);
  return 0;
}
