// stateful-global: per-invocation writes to state that outlives the
// invocation. Reported: a retry counter bumped on failure, a static
// counter, a thread_local, an atomic counter, state of a function object
// handler, a local of main captured by the handler, a member of a global
// object written by its method, states assigned different constants.
// Silent: the cold-start flag, lazy-init, function-local static
// initialisers, writes in init code, locals and request-owned objects,
// const globals, one constant written again and again, erasing, a buffer
// emptied at the start of every invocation and refilled.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,stateful-global 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace aws::lambda_runtime;

static int Retries = 0;
static bool ColdStart = true;
static std::unique_ptr<std::string> Region;
static std::atomic<long> Served{0};
thread_local int PerThread = 0;
static const std::string Greeting = "hi";
static std::string LastStatus;
static std::map<std::string, int> Cache;
static int InitOnly = 0;
static std::vector<std::string> Scratch;

enum class Mode { Idle, Busy };
static Mode State = Mode::Idle;
static Mode Phase = Mode::Idle;
static std::map<Mode, int> ByMode;

struct Counter {
  int Value = 0;
  void bump() { ++Value; }
};
static Counter Calls;

struct Request {
  std::string Body;
  int Attempts = 0;
};

static bool send(const std::string &) { return false; }

static void retry(const std::string &Body) {
  while (!send(Body))
    if (++Retries > 3)
      // CHECK: [[FILE:.*stateful-global.cpp]]:[[@LINE-1]]:9: warning: 'Retries' in handler 'handler': incremented on every invocation[[TAIL:; it outlives the invocation, so later invocations in the same environment see what earlier ones left: keep per-request state in locals \[brisk-stateful-global\]]]
      // CHECK: [[FILE]]:97:3: note: 'handler' calls 'retry' here
      break;
}

static int nextId() {
  static int Id = 0; // initialised once: silent
  return ++Id;
  // CHECK: [[FILE]]:[[@LINE-1]]:10: warning: 'Id' in handler 'handler': incremented on every invocation[[TAIL]]
  // CHECK: [[FILE]]:99:3: note: 'handler' calls 'nextId' here
}

static std::string &region() {
  if (!Region)
    Region = std::make_unique<std::string>("eu-west-1"); // lazy-init: silent
  return *Region;
}

static invocation_response handler(invocation_request const &Req) {
  if (ColdStart) { // the cold-start flag: silent
    ColdStart = false;
  }
  Request Local{Req.payload};
  Local.Body += "!";     // request-owned: silent
  ++Local.Attempts;      // silent
  int Tries = 0;
  ++Tries;               // a local: silent
  (void)Greeting.size(); // const: never written
  LastStatus = "ok";     // one constant every time: idempotent, silent
  Cache.erase("stale");  // erasing is a reset: silent
  Scratch.clear();       // emptied on every invocation, so what is appended
  Scratch.push_back(Req.payload); // after it never carries over: silent
  Served++;
  // CHECK: [[FILE]]:[[@LINE-1]]:9: warning: 'Served' in handler 'handler': incremented on every invocation[[TAIL]]
  ++PerThread;
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'PerThread' in handler 'handler': incremented on every invocation[[TAIL]]
  Calls.bump();
  // CHECK: [[FILE]]:[[@LINE-1]]:9: warning: 'Calls.Value' in handler 'handler': incremented on every invocation[[TAIL]]
  // CHECK: [[FILE]]:42:17: note: 'Counter::bump' writes it here
  State = Mode::Busy;
  // CHECK: [[FILE]]:[[@LINE-1]]:9: warning: 'State' in handler 'handler': assigned on every invocation[[TAIL]]
  retry(Req.payload);
  region();
  nextId();
  Phase = Mode::Busy; // the same constant wherever it is assigned: silent
  State = Mode::Idle;
  // CHECK: [[FILE]]:[[@LINE-1]]:9: warning: 'State' in handler 'handler': assigned on every invocation[[TAIL]]
  ByMode[Mode::Busy]++; // one entry, counted up: state
  // CHECK: [[FILE]]:[[@LINE-1]]:21: warning: 'ByMode' in handler 'handler': inserted into on every invocation[[TAIL]]
  ByMode[Mode::Idle] += 1;
  // CHECK: [[FILE]]:[[@LINE-1]]:22: warning: 'ByMode' in handler 'handler': inserted into on every invocation[[TAIL]]
  return invocation_response::success(region(), "text/plain");
}

struct Handler {
  int Seen = 0;
  invocation_response operator()(invocation_request const &Req) {
    ++Seen; // the handler object was built in main and lives on
    // CHECK: [[FILE]]:[[@LINE-1]]:5: warning: 'Handler::Seen' in handler 'Handler::operator()': incremented on every invocation[[TAIL]]
    return invocation_response::success(Req.payload, "text/plain");
  }
};

int main() {
  InitOnly = 42; // init code: silent
  Calls.bump();
  std::map<std::string, int> Hits;
  run_handler(handler);
  run_handler(Handler());
  run_handler([&Hits](invocation_request const &Req) {
    Hits[Req.request_id] = 1; // main's local, captured: it outlives the call
    // CHECK: [[FILE]]:[[@LINE-1]]:26: warning: 'Hits' in handler 'main::lambda': inserted into on every invocation[[TAIL]]
    return invocation_response::success("", "text/plain");
  });
  return 0;
}
