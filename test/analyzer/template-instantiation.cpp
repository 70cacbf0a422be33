// Calls and constructions that depend on template parameters are followed
// in each instantiation the program uses, and paths name the instantiation.
// Reported: a dependency-injection container whose get<T>() builds a T per
// call, make_shared<T> in a factory template, and a member template called
// as c.template create<T>(). Silent: the same templates instantiated with a
// type that is not an SDK client, and get<T>() of a container that caches.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,init-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>

#include <map>
#include <memory>
#include <string>

using namespace aws::lambda_runtime;

namespace container {
template <typename T> std::shared_ptr<T> get() {
  return std::make_shared<T>();
  // CHECK: [[FILE:.*template-instantiation.cpp]]:[[@LINE-1]]:10: warning: 'Aws::S3::S3Client' in handler 'handler': AWS SDK client constructed per invocation{{.*}} [brisk-init-in-handler]
  // CHECK: [[FILE]]:68:3: note: 'handler' calls 'build<Registry>' here
  // CHECK: [[FILE]]:58:3: note: 'build<Registry>' calls 'container::get<Aws::S3::S3Client>' here
}
} // namespace container

template <typename Client> struct Factory {
  static std::unique_ptr<Client> make() { return std::make_unique<Client>(); }
  // CHECK: [[FILE]]:[[@LINE-1]]:50: warning: 'Aws::DynamoDB::DynamoDBClient' in handler 'handler'
  // CHECK: [[FILE]]:68:3: note: 'handler' calls 'build<Registry>' here
  // CHECK: [[FILE]]:59:3: note: 'build<Registry>' calls 'Factory<Aws::DynamoDB::DynamoDBClient>::make' here
};

struct Registry {
  template <typename T> T create() { return T(); }
  // CHECK: [[FILE]]:[[@LINE-1]]:45: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:68:3: note: 'handler' calls 'build<Registry>' here
  // CHECK: [[FILE]]:62:16: note: 'build<Registry>' calls 'Registry::create<Aws::S3::S3Client>' here
};

template <typename T> struct Cached {
  std::shared_ptr<T> Instance;
  T &get() {
    if (!Instance)
      Instance = std::make_shared<T>(); // cached in a global: silent
    return *Instance;
  }
};
static Cached<Aws::S3::S3Client> Clients;

struct Settings {
  std::string Table = "orders";
};

template <typename R> static void build(R &Reg) {
  container::get<Aws::S3::S3Client>();
  Factory<Aws::DynamoDB::DynamoDBClient>::make();
  container::get<Settings>();
  Factory<Settings>::make();
  Reg.template create<Aws::S3::S3Client>();
  Reg.template create<Settings>();
}

static invocation_response handler(invocation_request const &Req) {
  Registry Reg;
  build(Reg);
  Clients.get();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
