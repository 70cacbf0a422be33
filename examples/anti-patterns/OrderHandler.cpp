//===- OrderHandler.cpp - The per-invocation code (wrongly) ---------------===//

#include "Orders.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

using aws::lambda_runtime::invocation_request;
using aws::lambda_runtime::invocation_response;

// Atomic and locked, so that concurrent requests (Lambda Managed Instances)
// do not race on them; that does not make keeping them right.
static std::atomic<unsigned long> OrdersSeen{0};
static std::mutex StateLock;
static std::string LastOrder;
static std::vector<long> LatenciesMs;
static const char *ArchiveBucket = nullptr;

static const char *archiveBucketFromEnvironment() {
  const char *Name = std::getenv("ORDERS_BUCKET");
  return Name ? Name : "orders-archive";
}

static void publishOrderCount(unsigned long Count) {
  std::fprintf(stderr, "orders seen by this environment: %lu\n", Count);
}

invocation_response handleOrder(invocation_request const &Request) {
  auto Start = std::chrono::steady_clock::now();

  // exit-in-handler: exit kills the execution environment; the caller gets an
  // error and the next invocation pays a cold start. Return a failure.
  if (Request.payload.empty()) {
    std::fprintf(stderr, "empty event\n");
    std::exit(1);
  }

  // unsynchronized-global (with --max-concurrency above 1): a lazy
  // once-initialisation, fine one request at a time, but two concurrent
  // requests can both find ArchiveBucket unset and write it together.
  if (!ArchiveBucket) {
    ArchiveBucket = archiveBucketFromEnvironment();
  }

  // stateful-global: the count survives into later invocations, so the
  // function's behaviour depends on which environment serves it.
  ++OrdersSeen;

  // request-data-in-global: the order stays in the environment after the
  // response, where the next invocation, maybe another customer's, can see it.
  {
    std::lock_guard<std::mutex> Lock(StateLock);
    LastOrder = Request.payload;
  }

  // init-in-handler: a std::regex from a constant pattern is compiled on
  // every invocation. Make it a static or build it in main.
  std::regex OrderIdPattern("\"orderId\"\\s*:\\s*\"[A-Z0-9-]+\"");
  if (!std::regex_search(Request.payload, OrderIdPattern))
    return invocation_response::failure("the event has no orderId",
                                        "InvalidOrder");

  // tmp-file-leak: one file per request under /tmp, never removed; /tmp
  // (512 MB by default) persists across warm invocations and fills up.
  std::string SpoolPath = "/tmp/order-" + Request.request_id + ".json";
  std::ofstream(SpoolPath) << Request.payload;
  bool Archived =
      archiveOrder(ArchiveBucket, Request.request_id + ".json", SpoolPath);

  // detached-work: the thread outlives the response; Lambda freezes it with
  // the environment and it resumes, if ever, during a later invocation.
  std::thread(publishOrderCount, OrdersSeen.load()).detach();

  // unbounded-global-growth: one sample per invocation, never cleared: memory
  // grows for as long as the environment stays warm.
  long Elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - Start)
                     .count();
  std::lock_guard<std::mutex> Lock(StateLock);
  LatenciesMs.push_back(Elapsed);

  if (!Archived)
    return invocation_response::failure("could not archive the order",
                                        "ArchiveFailed");
  return invocation_response::success("{\"accepted\": true}",
                                      "application/json");
}
