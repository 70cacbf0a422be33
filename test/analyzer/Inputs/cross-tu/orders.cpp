#include "orders.h"

using namespace aws::lambda_runtime;

static void audit(const std::string &Body);

invocation_response placeOrder(const std::string &Body) {
  audit(Body);
  return invocation_response::success("placed", "text/plain");
}

static void audit(const std::string &Body) {
  storage::save("audit/" + Body);
}
