// A virtual call reaches every override in the program: the override that
// builds a client is reported with the virtual call in its path. An unrelated
// class with a method of the same name is not reached. The note names the
// override the call reaches.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <memory>

using namespace aws::lambda_runtime;

struct Store {
  virtual ~Store() = default;
  virtual void put(const std::string &Key) = 0;
};

struct MemoryStore : Store {
  void put(const std::string &Key) override { (void)Key; }
};

struct S3Store : Store {
  void put(const std::string &Key) override {
    Aws::S3::S3Client Client;
    // CHECK: [[FILE:.*virtual-dispatch.cpp]]:[[@LINE-1]]:23: warning: 'Aws::S3::S3Client' in handler 'main::lambda'
    // CHECK: [[FILE]]:48:15: note: 'main::lambda' calls 'S3Store::put' here
    (void)Key;
  }
};

struct Unrelated {
  void put(const std::string &Key) {
    Aws::S3::S3Client Client;
    (void)Key;
  }
};

static std::unique_ptr<Store> TheStore;

int main() {
  TheStore = std::make_unique<MemoryStore>();
  TheStore = std::make_unique<S3Store>();
  Unrelated U;
  U.put("init");
  run_handler([](invocation_request const &Req) {
    TheStore->put(Req.payload);
    return invocation_response::success("ok", "text/plain");
  });
  return 0;
}
