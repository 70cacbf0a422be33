// unbounded-global-growth: insertions into lasting containers that nothing
// the handler runs ever empties. Reported: samples appended per invocation,
// a string that grows by +=, a stream that grows by <<, growth through a
// helper in another TU (given the global, or appending to its own). Silent:
// a bounded LRU cache, a size-checked eviction, a container cleared or
// replaced per invocation, a map under a constant or enumerated key.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -I %S/Inputs/growth -- %s %S/Inputs/growth/metrics.cpp
// RUN: not brisk-check -p %t --rules=-*,unbounded-global-growth 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// The helper's own global, reported where it grows (files sort first):
// CHECK: {{.*}}growth/metrics.cpp:11:50: warning: 'AuditTrail' in handler 'handler': inserted into on every invocation and never cleared or evicted, so it grows for as long as the environment stays warm: bound it (evict old entries, clear it) or keep it per request [brisk-unbounded-global-growth]
// CHECK: [[FILE:.*unbounded-global-growth.cpp]]:64:3: note: 'handler' calls 'audit' here

#include <aws/lambda-runtime/runtime.h>

#include "metrics.h"

#include <list>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace aws::lambda_runtime;

static std::vector<long> Latencies;
static std::vector<long> Recorded;
static std::string Journal;
static std::ostringstream Trace;
static std::vector<std::string> Recent;
static std::vector<std::string> Batch;
static std::map<std::string, int> Flags;
enum class Outcome { Ok, Failed };
static std::map<Outcome, int> Outcomes;

// A least-recently-used cache with a fixed capacity: bounded.
class LruCache {
public:
  void put(const std::string &Key, const std::string &Value) {
    Order.push_front(Key);
    Items[Key] = Value;
    if (Items.size() > 64) {
      Items.erase(Order.back());
      Order.pop_back();
    }
  }

private:
  std::list<std::string> Order;
  std::unordered_map<std::string, std::string> Items;
};
static LruCache Cache;

static invocation_response handler(invocation_request const &Req) {
  Latencies.push_back(Req.payload.size());
  // CHECK: [[FILE]]:[[@LINE-1]]:13: warning: 'Latencies' in handler 'handler': inserted into on every invocation and never cleared or evicted, so it grows for as long as the environment stays warm: bound it (evict old entries, clear it) or keep it per request [brisk-unbounded-global-growth]
  Journal += "x";
  // CHECK: [[FILE]]:[[@LINE-1]]:11: warning: 'Journal' in handler 'handler': inserted into on every invocation and never cleared or evicted
  Trace << "seen";
  // CHECK: [[FILE]]:[[@LINE-1]]:9: warning: 'Trace' in handler 'handler': inserted into on every invocation and never cleared or evicted
  record(Recorded, 1);
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'Recorded' in handler 'handler': inserted into on every invocation and never cleared or evicted
  // CHECK: {{.*}}metrics.cpp:8:11: note: 'record' writes it here
  audit("call");
  Cache.put(Req.request_id, "v");
  Recent.push_back("x");
  if (Recent.size() > 100)
    Recent.erase(Recent.begin());
  Batch.push_back("item");
  Flags["seen"] = 1;
  Outcomes[Outcome::Ok]++;
  if (Batch.size() == 10)
    Batch = {};
  return invocation_response::success("ok", "text/plain");
}

int main() {
  Latencies.reserve(1024);
  run_handler(handler);
  return 0;
}

