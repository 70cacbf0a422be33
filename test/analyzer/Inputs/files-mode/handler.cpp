#include "client.h"
#include <aws/lambda-runtime/runtime.h>
#include <regex>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  touchBucket();
  std::regex Pattern("[a-z]+");
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
