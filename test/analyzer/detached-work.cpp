// detached-work: work that outlives the response. Reported: a detached
// std::thread, pthread_detach, a std::async whose future is discarded, a
// fork nobody waits for. Silent: a joined thread, a kept future, a fork
// waited for with waitpid, a worker detached once under std::call_once,
// detaching in main.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,detached-work 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// RUN: %mkdb %t.waits -- -std=c++17 -isystem %S_inputs/include -DWAIT_FOR_CHILD -- %s
// RUN: not brisk-check -p %t.waits --rules=-*,detached-work 2>&1 | FileCheck %s --check-prefix=WAITS --implicit-check-not=warning: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>

#include <future>
#include <mutex>
#include <pthread.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace aws::lambda_runtime;

static void flush() {}
static void *background(void *) { return nullptr; }
static std::once_flag WorkerStarted;

static void spawnConverter() {
  pid_t Pid = fork();
  // CHECK: [[FILE:.*detached-work.cpp]]:[[@LINE-1]]:15: warning: 'fork' in handler 'handler': the child process is never waited for; Lambda freezes the environment once the response is sent, and the child resumes, if ever, during a later invocation: waitpid for it before returning [brisk-detached-work]
  // CHECK: [[FILE]]:57:3: note: 'handler' calls 'spawnConverter' here
  if (Pid == 0) {
    execl("/usr/bin/convert", "convert", (char *)nullptr);
    _exit(127);
  }
#ifdef WAIT_FOR_CHILD
  int Status = 0;
  waitpid(Pid, &Status, 0);
#endif
}

static invocation_response handler(invocation_request const &Req) {
  std::thread(flush).detach();
  // CHECK: [[FILE]]:[[@LINE-1]]:22: warning: 'std::thread::detach' in handler 'handler': the detached thread outlives the response; Lambda freezes the environment once the response is sent, and the thread resumes, if ever, during a later invocation: join it before returning [brisk-detached-work]
  // WAITS: [[WFILE:.*detached-work.cpp]]:[[@LINE-2]]:22: warning: 'std::thread::detach' in handler 'handler'
  std::thread Joined(flush);
  Joined.join();
  pthread_t Thread;
  pthread_create(&Thread, nullptr, background, nullptr);
  pthread_detach(Thread);
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'pthread_detach' in handler 'handler': the detached thread outlives the response
  // WAITS: [[WFILE]]:[[@LINE-2]]:3: warning: 'pthread_detach' in handler 'handler'
  std::async(std::launch::async, flush);
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'std::async' in handler 'handler': its future is discarded, which blocks until the task ends: nothing runs in the background, and a task meant to outlive the response would be frozen with the environment: keep the future and wait for it, or do the work before returning [brisk-detached-work]
  // WAITS: [[WFILE]]:[[@LINE-2]]:3: warning: 'std::async' in handler 'handler'
  auto Pending = std::async(std::launch::async, flush);
  Pending.wait();
  std::call_once(WorkerStarted, [] { std::thread(flush).detach(); });
  spawnConverter();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  std::thread(flush).detach(); // init: silent
  run_handler(handler);
  return 0;
}
