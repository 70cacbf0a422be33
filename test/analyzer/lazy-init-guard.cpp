// `if (!g) g = ...` builds the client on the first invocation only: silent,
// and so is a reconnect, `if (!g || broken(g)) g = ...`.
// The same code without the guard, and a guard that does not initialise the
// variable it tests, are reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// The unguarded writes are stateful-global's (stateful-global.cpp).
// RUN: not brisk-check -p %t --rules=-*,init-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <memory>

using namespace aws::lambda_runtime;

static std::unique_ptr<Aws::S3::S3Client> Client;
static Aws::S3::S3Client *Raw = nullptr;
static bool Verbose = false;
static Aws::S3::S3Client *Pooled = nullptr;
static bool healthy(const Aws::S3::S3Client *);

static void useGuardedClients() {
  if (!Client)
    Client = std::make_unique<Aws::S3::S3Client>();
  if (Raw == nullptr) {
    Raw = new Aws::S3::S3Client();
  }
  if (Pooled == nullptr || !healthy(Pooled)) {
    delete Pooled;
    Pooled = new Aws::S3::S3Client();
  }
}

static void unguarded() {
  Client = std::make_unique<Aws::S3::S3Client>();
  // CHECK: [[FILE:.*lazy-init-guard.cpp]]:[[@LINE-1]]:12: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:50:3: note: 'handler' calls 'unguarded' here
}

static void guardOnSomethingElse() {
  if (!Verbose) {
    auto Other = std::make_unique<Aws::S3::S3Client>();
    // CHECK: [[FILE]]:[[@LINE-1]]:18: warning: 'Aws::S3::S3Client' in handler 'handler'
    // CHECK: [[FILE]]:51:3: note: 'handler' calls 'guardOnSomethingElse' here
  }
}

static invocation_response handler(invocation_request const &Req) {
  useGuardedClients();
  unguarded();
  guardOnSomethingElse();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
