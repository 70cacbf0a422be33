// A lambda created in the handler may capture the request: what it passes to
// a connection is treated as request data, so nothing is reported for it,
// whether the lambda is called through a variable or handed to an algorithm.
// Its twins are reported: a connection string from the environment in the
// handler itself, and a constant regex inside such a lambda.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  auto Connect = [&Req]() { return PQconnectdb(Req.payload.c_str()); };
  Connect();
  std::vector<std::string> Tenants{Req.payload};
  std::for_each(Tenants.begin(), Tenants.end(),
                [](const std::string &T) { PQconnectdb(T.c_str()); });
  PGconn *Conn = PQconnectdb(std::getenv("DATABASE_URL"));
  // CHECK: [[FILE:.*lambda-captures-request.cpp]]:[[@LINE-1]]:18: warning: 'PQconnectdb' in handler 'handler': PostgreSQL connection opened per invocation
  auto Valid = [&Req]() {
    std::regex Id("[0-9]+");
    // CHECK: [[FILE]]:[[@LINE-1]]:16: warning: 'std::basic_regex' in handler 'handler'
    // CHECK: [[FILE]]:[[@LINE+3]]:7: note: 'handler' calls 'handler::lambda' here
    return std::regex_match(Req.payload, Id);
  };
  if (Valid())
    (void)Conn;
  return invocation_response::success("ok", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
