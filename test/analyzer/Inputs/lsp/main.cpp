#include <aws/lambda-runtime/runtime.h>

#include <string>

bool validId(const std::string &Id);

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  if (!validId(Req.payload))
    return invocation_response::failure("bad id", "InvalidInput");
  return invocation_response::success("ok", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
