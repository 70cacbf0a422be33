// A regex compiled from a constant pattern on every invocation is reported,
// also when the constant reaches it through a helper's parameter. A regex
// built from the request cannot be hoisted: silent.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>

#include <regex>
#include <string>

using namespace aws::lambda_runtime;

static bool matches(const std::string &Text, const std::string &Pattern) {
  std::regex Re(Pattern);
  // CHECK: [[FILE:.*regex-from-request.cpp]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler': std::regex compiled from a constant pattern per invocation; make it a static const (or a global) so it is compiled once [brisk-init-in-handler]
  // CHECK: [[FILE]]:31:7: note: 'handler' calls 'matches' here
  return std::regex_match(Text, Re);
}

static bool matchesRequestPattern(const std::string &Text,
                                  const std::string &Pattern) {
  std::regex Re(Pattern);
  return std::regex_search(Text, Re);
}

static invocation_response handler(invocation_request const &Req) {
  std::regex Digits("[0-9]+");
  // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler'
  std::regex FromRequest(Req.payload);
  if (matches(Req.payload, "^[a-z]+$") &&
      matchesRequestPattern("text", Req.content_type) &&
      std::regex_match(Req.payload, FromRequest) &&
      std::regex_match(Req.payload, Digits))
    return invocation_response::success("match", "text/plain");
  return invocation_response::success("no match", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
