// request-data-in-global: the handler's data kept in lasting state. Reported:
// the payload copied into a global string; into a member of a global object;
// through a helper in two steps (the notes say what each call passes); a
// value under a constant key; a lazy initialisation from the first request;
// a request id streamed into a global log, in the middle of a chain. An
// entry keyed by the request is found again only by the same key (a cache,
// a session): growth reports it when nothing evicts it. The
// site that fits three rules (request data, growth, state) is reported once,
// by this rule. Silent: erasing by a request's key, adding up a request's
// number, storing constants or data from the environment, request data in
// locals. All rules run: the sites this rule reports get no other finding,
// the others are stateful-global's.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace aws::lambda_runtime;

static std::string LastPayload;
struct Session {
  std::string User;
  std::string Region;
};
static Session Current;
static std::vector<std::string> History;
static std::set<std::string> SeenIds;
static std::map<std::string, std::string> ByUser;
static std::map<std::string, std::string> ByRoute;
static std::map<std::string, std::string> Profiles;
static std::unique_ptr<std::string> FirstCaller;
static long TotalBytes = 0;
static std::string Region;
static std::ostringstream Log;

static void store(const std::string &Value) { History.push_back(Value); }
// CHECK: [[FILE:.*request-data-in-global.cpp]]:[[@LINE-1]]:55: error: 'History' in handler 'handler': request data stored in state that outlives the invocation, where the next invocation, maybe another caller's, can see it: keep it in a local [brisk-request-data-in-global]
// CHECK: [[FILE]]:57:3: note: 'handler' passes 'Body.substr(0, 10)' to 'remember'
// CHECK: [[FILE]]:49:49: note: 'remember' passes 'Body' to 'store'

static void remember(const std::string &Body) { store(Body); }

static invocation_response handler(invocation_request const &Req) {
  LastPayload = Req.payload;
  // CHECK: [[FILE]]:[[@LINE-1]]:15: error: 'LastPayload' in handler 'handler': request data stored
  Current.User = Req.request_id;
  // CHECK: [[FILE]]:[[@LINE-1]]:16: error: 'Current.User' in handler 'handler': request data stored
  std::string Body = Req.payload + "\n";
  remember(Body.substr(0, 10));
  SeenIds.insert(Req.request_id); // keyed by the request: growth's to judge
  // CHECK: [[FILE]]:[[@LINE-1]]:11: warning: 'SeenIds' in handler 'handler': inserted into on every invocation and never cleared{{.*}} [brisk-unbounded-global-growth]
  Profiles[Req.request_id] = Req.payload; // an entry found by its key again
  // CHECK: [[FILE]]:[[@LINE-1]]:28: warning: 'Profiles' in handler 'handler': inserted into on every invocation and never cleared{{.*}} [brisk-unbounded-global-growth]
  ByRoute["/last"] = Req.payload; // under a constant key: the next caller's
  // CHECK: [[FILE]]:[[@LINE-1]]:20: error: 'ByRoute' in handler 'handler': request data stored
  if (!FirstCaller)
    FirstCaller = std::make_unique<std::string>(Req.request_id);
  // CHECK: [[FILE]]:[[@LINE-1]]:17: error: 'FirstCaller' in handler 'handler': request data stored
  ByUser.erase(Req.request_id); // erasing stores nothing
  TotalBytes += Req.payload.size(); // a running total, not one caller's data
  // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'TotalBytes' in handler 'handler': incremented on every invocation{{.*}} [brisk-stateful-global]
  Current.Region = "eu-west-1";
  const char *Env = std::getenv("AWS_REGION");
  Region = Env ? Env : "";
  // CHECK: [[FILE]]:[[@LINE-1]]:10: warning: 'Region' in handler 'handler': assigned on every invocation{{.*}} [brisk-stateful-global]
  Log << "request " << Req.request_id << '\n'; // one write, where it starts
  // CHECK: [[FILE]]:[[@LINE-1]]:7: error: 'Log' in handler 'handler': request data stored
  std::string Local = Req.payload;
  Local += "!";
  return invocation_response::success(Local, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
