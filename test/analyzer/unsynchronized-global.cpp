// unsynchronized-global: with --max-concurrency above 1, writes to lasting
// state without a lock. Reported: a plain counter, a racy lazy
// initialisation, a write in a helper also called without the lock.
// Silent: the same write under std::lock_guard (still stateful-global), a
// lock()/unlock() pair, std::scoped_lock, the program's own guard class, a
// helper only ever called under a
// lock, an atomic counter, thread_local state, a function-local static's
// initialiser, std::call_once. Without --max-concurrency the rule is off.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --max-concurrency=8 --rules=-*,unsynchronized-global 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// RUN: echo '{"max_concurrency": 8, "rules": "-*,unsynchronized-global"}' > %t.json
// RUN: not brisk-check -p %t --config=%t.json 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// RUN: brisk-check -p %t --rules=-*,unsynchronized-global 2>&1 | count 0
// RUN: not brisk-check -p %t --rules=-*,stateful-global 2>&1 | FileCheck %s --check-prefix=STATE

#include <aws/lambda-runtime/runtime.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

using namespace aws::lambda_runtime;

static std::mutex Mutex;
static long Plain = 0;
static long Guarded = 0;
static long Paired = 0;
static long Scoped = 0;
static long ViaHelper = 0;
static long Shared = 0;
static std::atomic<long> Atomic{0};
thread_local long PerThread = 0;
static std::unique_ptr<std::string> Lazy;
static std::once_flag Once;
static std::string Config;

class Guard { // the program's own lock guard
public:
  explicit Guard(std::mutex &M) : M(M) { M.lock(); }
  ~Guard() { M.unlock(); }

private:
  std::mutex &M;
};
static long Custom = 0;

static void bumpLocked() { ++ViaHelper; } // only ever called under Mutex
static void bumpShared() { ++Shared; }
// CHECK: [[FILE:.*unsynchronized-global.cpp]]:[[@LINE-1]]:28: error: 'Shared' in handler 'handler': incremented without a lock while up to 8 requests share the environment, so concurrent invocations race on it: guard it with a std::mutex or make it std::atomic [brisk-unsynchronized-global]
// CHECK: [[FILE]]:86:3: note: 'handler' calls 'bumpShared' here

static const std::string &config() {
  static const std::string Value = "table"; // initialised once, thread-safe
  return Value;
}

static invocation_response handler(invocation_request const &Req) {
  ++Plain;
  // CHECK: [[FILE]]:[[@LINE-1]]:3: error: 'Plain' in handler 'handler': incremented without a lock while up to 8 requests share the environment
  // STATE: [[SFILE:.*unsynchronized-global.cpp]]:[[@LINE-2]]:3: warning: 'Plain' in handler 'handler': incremented on every invocation
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Guarded;
    // STATE: [[SFILE]]:[[@LINE-1]]:5: warning: 'Guarded' in handler 'handler': incremented on every invocation
    bumpLocked();
    bumpShared();
  }
  Mutex.lock();
  ++Paired;
  Mutex.unlock();
  {
    std::scoped_lock Lock(Mutex);
    ++Scoped;
  }
  {
    Guard G(Mutex);
    ++Custom;
  }
  Atomic.fetch_add(1);
  ++PerThread;
  if (!Lazy)
    Lazy = std::make_unique<std::string>("eu-west-1");
  // CHECK: [[FILE]]:[[@LINE-1]]:10: error: 'Lazy' in handler 'handler': assigned without a lock
  std::call_once(Once, [] { Config = "orders"; });
  bumpShared();
  return invocation_response::success(config() + Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
