// Calls through function values are followed: an API Gateway router (a
// table of std::function dispatched on the event's route key), a
// function-pointer array, a struct of callbacks. Each route compiles a
// regex per invocation and is reported through the table. A function value
// the model cannot trace has no edge and is counted in the statistics.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,init-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: not brisk-check -p %t --rules=-*,init-in-handler --format=json | FileCheck %s --check-prefix=JSON
// RUN: not brisk-check -p %t --rules=-*,init-in-handler --stats > %t.out 2> %t.stats
// RUN: FileCheck %s --check-prefix=STATS --input-file=%t.stats

#include <aws/lambda-runtime/runtime.h>

#include <functional>
#include <map>
#include <regex>
#include <string>

using namespace aws::lambda_runtime;

struct HttpEvent {
  std::string routeKey;
  std::string body;
};

using Route = std::function<invocation_response(const HttpEvent &)>;

static invocation_response getOrders(const HttpEvent &E) {
  std::regex Id("^[0-9]+$");
  // CHECK: [[FILE:.*function-values.cpp]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler': std::regex compiled from a constant pattern per invocation; make it a static const (or a global) so it is compiled once [brisk-init-in-handler]
  // CHECK: fix-it:"[[FILE]]":{[[@LINE-2]]:3-[[@LINE-2]]:3}:"static const "
  // CHECK: [[FILE]]:82:10: note: 'handler' calls 'getOrders' here
  return invocation_response::success(
      std::regex_match(E.body, Id) ? "ok" : "bad", "text/plain");
}

static invocation_response postOrder(const HttpEvent &E) {
  std::regex Json("^\\{.*\\}$");
  // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler'
  // CHECK: fix-it:
  // CHECK: [[FILE]]:82:10: note: 'handler' calls 'postOrder' here
  return invocation_response::success(
      std::regex_match(E.body, Json) ? "ok" : "bad", "text/plain");
}

static bool validSku(const std::string &S) {
  std::regex Sku("^SKU-[0-9]+$");
  // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler'
  // CHECK: fix-it:
  // CHECK: [[FILE]]:79:8: note: 'handler' calls 'validSku' here
  return std::regex_match(S, Sku);
}

static void audit(const std::string &) {
  std::regex Audit("audit");
  // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'std::basic_regex' in handler 'handler'
  // CHECK: fix-it:
  // CHECK: [[FILE]]:81:3: note: 'handler' calls 'main::lambda' here
  // CHECK: [[FILE]]:86:53: note: 'main::lambda' calls 'audit' here
}

static const std::map<std::string, Route> Routes = {
    {"GET /orders", getOrders}, {"POST /orders", &postOrder}};
using Check = bool (*)(const std::string &);
static Check Checks[] = {&validSku};
struct Hooks {
  std::function<void(const std::string &)> OnRequest;
};
static Hooks Observers;
static std::function<void()> Unset;

static invocation_response handler(invocation_request const &Req) {
  HttpEvent Event{Req.payload, Req.payload};
  auto It = Routes.find(Event.routeKey);
  if (It == Routes.end())
    return invocation_response::failure("no route", "NotFound");
  if (Unset)
    Unset(); // nothing is ever stored in it: untraced, no edge
  if (!Checks[0](Event.body))
    return invocation_response::failure("bad sku", "Invalid");
  Observers.OnRequest(Req.request_id);
  return It->second(Event);
}

int main() {
  Observers.OnRequest = [](const std::string &Id) { audit(Id); };
  run_handler(handler);
  return 0;
}

// JSON: "untraced_calls": 1
// STATS: brisk-check: translation units: 1 (from the cache: {{[01]}}), handlers: 1, findings: 4, calls through function values not traced: 1
