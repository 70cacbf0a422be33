// Users extend the init catalogue with --config: a function of their own
// becomes expensive init, and one of ours can be switched off. Without the
// config only our entries apply.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: echo '{"version": 1, "init-catalog": [' > %t.json
// RUN: echo ' {"id": "ml-load-model", "category": "file-load", "match": {"function": "ml::loadModel"},' >> %t.json
// RUN: echo '  "kind": "call", "hoistable": "constant-args", "args": [0],' >> %t.json
// RUN: echo '  "message": "model loaded per invocation", "hint": "load it once in main"},' >> %t.json
// RUN: echo ' {"id": "curl-easy-init", "disabled": true}]}' >> %t.json
// RUN: not brisk-check -p %t --config=%t.json 2>&1 | FileCheck %s --check-prefix=CONFIG --implicit-check-not=warning:

#include <aws/lambda-runtime/runtime.h>
#include <curl/curl.h>

#include <string>

using namespace aws::lambda_runtime;

namespace ml {
struct Model {};
Model loadModel(const std::string &Path);
} // namespace ml

static invocation_response handler(invocation_request const &Req) {
  ml::Model M = ml::loadModel("/opt/model.bin");
  // CONFIG: [[FILE:.*config-catalog.cpp]]:[[@LINE-1]]:17: warning: 'ml::loadModel' in handler 'handler': model loaded per invocation; load it once in main [brisk-init-in-handler]
  ml::Model Mine = ml::loadModel(Req.payload);
  CURL *Curl = curl_easy_init();
  // DEFAULT: [[FILE:.*config-catalog.cpp]]:[[@LINE-1]]:16: warning: 'curl_easy_init' in handler 'handler'
  (void)M;
  (void)Mine;
  (void)Curl;
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
