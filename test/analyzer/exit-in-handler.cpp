// exit-in-handler: process-ending calls in code a handler runs. Reported:
// exit through a helper, abort and std::terminate in the handler, quick_exit
// in a lambda it calls. Silent: exit in main and in init code, _exit in the
// child of a fork, an exit under a lazy-init guard (a failed
// initialisation), a same-named function of another namespace.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,exit-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>

#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

namespace app {
void exit(int) {}
} // namespace app

static std::unique_ptr<std::string> Table;

static void fail(const char *Why) {
  std::exit(1);
  // CHECK: [[FILE:.*exit-in-handler.cpp]]:[[@LINE-1]]:3: warning: 'exit' in handler 'handler': ends the process, so the invocation fails without a response and the next one pays a cold start: return an error response instead [brisk-exit-in-handler]
  // CHECK: [[FILE]]:56:5: note: 'handler' calls 'fail' here
  (void)Why;
}

static void loadTable() {
  if (!Table) {
    Table = std::make_unique<std::string>("orders");
    if (Table->empty())
      std::abort(); // init failed: once per environment, silent
  }
}

static void runTool() {
  pid_t Child = fork();
  if (Child == 0) {
    execl("/bin/true", "true", (char *)nullptr);
    _exit(127); // the child's exit after a failed exec: silent
  }
}

static void configure() {
  if (!std::getenv("TABLE"))
    std::exit(2); // only main calls it: init code, silent
}

static invocation_response handler(invocation_request const &Req) {
  loadTable();
  if (Req.payload.empty())
    fail("empty");
  if (Req.payload == "abort")
    abort();
  // CHECK: [[FILE]]:[[@LINE-1]]:5: warning: 'abort' in handler 'handler': ends the process
  if (Req.payload == "terminate")
    std::terminate();
  // CHECK: [[FILE]]:[[@LINE-1]]:5: warning: 'std::terminate' in handler 'handler': ends the process
  auto Quit = [] { std::quick_exit(3); };
  // CHECK: [[FILE]]:[[@LINE-1]]:20: warning: 'quick_exit' in handler 'handler': ends the process
  // CHECK: [[FILE]]:[[@LINE+1]]:3: note: 'handler' calls 'handler::lambda' here
  Quit();
  runTool();
  app::exit(0);
  return invocation_response::success("ok", "text/plain");
}

int main() {
  configure();
  run_handler(handler);
  std::exit(0); // after serving: main, silent
}
