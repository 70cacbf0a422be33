#include "clients.h"

#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

void archive();

static invocation_response handler(invocation_request const &) {
  upload();
  archive();
  return invocation_response::success("ok", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
