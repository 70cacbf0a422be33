//===- main.cpp - The greeting function on the Lambda Runtime API ---------===//
//
// The good example: everything the function needs is ready before
// run_handler starts serving, and the handler keeps no state between
// invocations.
//
//===----------------------------------------------------------------------===//

#include "Greeting.h"

#include <aws/lambda-runtime/runtime.h>

using aws::lambda_runtime::invocation_request;
using aws::lambda_runtime::invocation_response;

static invocation_response handler(invocation_request const &Request) {
  std::optional<std::string> Name = greeting::nameFromEvent(Request.payload);
  if (!Name)
    return invocation_response::failure("the event is not a JSON object",
                                        "InvalidEvent");
  return invocation_response::success(greeting::proxyResponse(*Name),
                                      "application/json");
}

int main() {
  aws::lambda_runtime::run_handler(handler);
  return 0;
}
