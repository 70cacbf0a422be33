#include <aws/lambda-runtime/runtime.h>
#include <string>

using namespace aws::lambda_runtime;

std::string helper(const std::string &Body);

static invocation_response handler(invocation_request const &Req) {
  return invocation_response::success(helper(Req.payload), "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
