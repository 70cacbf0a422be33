// Caches and other state kept across invocations on purpose, all rules on.
// Silent: a memoising map keyed by the request and bounded by eviction,
// under a lock; an LRU class (a recency list beside a map index, both
// evicted); a bounded ring of recent events; a set of requests in flight,
// erased again; the cold-start flag. Reported: a session store keyed by
// the request and never evicted (growth), and a counter in one of its
// entries, reached through a reference to the entry (state, not an
// insertion: the entry exists).
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>

#include <deque>
#include <list>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

using namespace aws::lambda_runtime;

namespace {

bool ColdStart = true;
std::mutex CacheLock;
std::unordered_map<std::string, std::string> Etags;
constexpr size_t MaxEtags = 256;

std::string etagOf(const std::string &Key) {
  std::lock_guard<std::mutex> Lock(CacheLock);
  auto It = Etags.find(Key);
  if (It != Etags.end())
    return It->second;
  std::string Etag = Key.size() > 8 ? "long" : "short";
  if (Etags.size() >= MaxEtags)
    Etags.erase(Etags.begin());
  Etags.emplace(Key, Etag);
  return Etag;
}

class LruCache {
public:
  explicit LruCache(size_t Capacity) : Capacity(Capacity) {}

  bool get(const std::string &Key, std::string &Value) {
    auto It = Index.find(Key);
    if (It == Index.end())
      return false;
    Order.splice(Order.begin(), Order, It->second);
    Value = It->second->second;
    return true;
  }

  void put(const std::string &Key, std::string Value) {
    Order.emplace_front(Key, std::move(Value));
    Index[Key] = Order.begin();
    if (Index.size() > Capacity) {
      Index.erase(Order.back().first);
      Order.pop_back();
    }
  }

private:
  using Entry = std::pair<std::string, std::string>;
  size_t Capacity;
  std::list<Entry> Order;
  std::unordered_map<std::string, std::list<Entry>::iterator> Index;
};

LruCache Verdicts(1024);
std::deque<std::string> RecentEvents;
std::set<std::string> InFlight;

struct SessionInfo {
  std::string User;
  int Hits = 0;
};
std::unordered_map<std::string, SessionInfo> Sessions;

void recordEvent(const std::string &Name) {
  RecentEvents.push_back(Name);
  while (RecentEvents.size() > 100)
    RecentEvents.pop_front();
}

} // namespace

static invocation_response handler(invocation_request const &Req) {
  if (ColdStart) {
    ColdStart = false;
  }
  InFlight.insert(Req.request_id);
  std::string Verdict;
  {
    std::lock_guard<std::mutex> Lock(CacheLock);
    if (!Verdicts.get(Req.payload, Verdict)) {
      Verdict = Req.payload.size() > 10 ? "valid" : "invalid";
      Verdicts.put(Req.payload, Verdict);
    }
  }
  std::string Etag = etagOf(Req.payload);
  recordEvent("served");
  SessionInfo &Info = Sessions[Req.client_context];
  // CHECK: [[FILE:.*warm-caches.cpp]]:[[@LINE-1]]:50: warning: 'Sessions' in handler 'handler': inserted into on every invocation and never cleared or evicted, so it grows for as long as the environment stays warm: bound it (evict old entries, clear it) or keep it per request [brisk-unbounded-global-growth]
  ++Info.Hits;
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'Sessions.Hits' in handler 'handler': incremented on every invocation; it outlives the invocation, so later invocations in the same environment see what earlier ones left: keep per-request state in locals [brisk-stateful-global]
  InFlight.erase(Req.request_id);
  return invocation_response::success(Verdict + Etag, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
