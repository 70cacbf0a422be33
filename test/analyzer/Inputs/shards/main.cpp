// Registers the handler whose client is two TUs away (orders.cpp, then
// storage.cpp): the path crosses shards.
#include "orders.h"

#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  return placeOrder(Req.payload);
}

int main() {
  run_handler(handler);
  return 0;
}
