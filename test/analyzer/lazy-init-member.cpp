// A lazy-init guard on a member is a once-guard only when the object
// outlives the invocation. Reported: a Service built per invocation whose
// connect() lazily creates its client (the work runs every time), and a
// Store built per invocation and handed to a helper by reference; the note
// shows the call on the per-invocation object. Silent: the same methods on
// a global object, on a function-local static, and on one built in main
// and captured by the handler.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,init-in-handler 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/s3/S3Client.h>

#include <memory>

using namespace aws::lambda_runtime;

class Service {
public:
  void connect() {
    if (!Client)
      Client = std::make_unique<Aws::S3::S3Client>();
    // CHECK: [[FILE:.*lazy-init-member.cpp]]:[[@LINE-1]]:16: warning: 'Aws::S3::S3Client' in handler 'handler': AWS SDK client constructed per invocation{{.*}} [brisk-init-in-handler]
    // CHECK: [[FILE]]:61:14: note: 'handler' calls 'Service::connect' here
  }

private:
  std::unique_ptr<Aws::S3::S3Client> Client;
};

class Store {
public:
  void open() {
    if (Table == nullptr)
      Table = new Aws::DynamoDB::DynamoDBClient();
    // CHECK: [[FILE]]:[[@LINE-1]]:19: warning: 'Aws::DynamoDB::DynamoDBClient' in handler 'handler': AWS SDK client constructed per invocation{{.*}} [brisk-init-in-handler]
    // CHECK: [[FILE]]:63:3: note: 'handler' calls 'use' here
    // CHECK: [[FILE]]:54:31: note: 'use' calls 'Store::open' here
  }

private:
  Aws::DynamoDB::DynamoDBClient *Table = nullptr;
};

static Service Shared;
static Store SharedStore;

static Service &instance() {
  static Service Once;
  return Once;
}

static void use(Store &S) { S.open(); }

static invocation_response handler(invocation_request const &Req) {
  Shared.connect();     // lives as long as the environment: silent
  instance().connect(); // a function-local static: silent
  use(SharedStore);     // a global, through a reference: silent
  Service PerRequest;
  PerRequest.connect(); // built per invocation: the guard guards nothing
  Store Local;
  use(Local);
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  Service Built;
  run_handler(handler);
  run_handler([&Built](invocation_request const &Req) {
    Built.connect(); // built in main, captured: silent
    return invocation_response::success(Req.payload, "text/plain");
  });
  return 0;
}
