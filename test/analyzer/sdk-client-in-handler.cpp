// An SDK client built inside the handler, however it is built, is reported at
// the construction with the call path from the handler.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <memory>

using namespace aws::lambda_runtime;

static std::string fetch(const std::string &Key) {
  Aws::Client::ClientConfiguration Config;
  Aws::S3::S3Client Client(Config);
  // CHECK: {{^}}[[FILE:.*sdk-client-in-handler.cpp]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler': AWS SDK client constructed per invocation: it resolves credentials and opens a connection pool each time; construct the client once during init (a global, a static or a member of an object built in main) and reuse it [brisk-init-in-handler]
  // CHECK-NEXT: {{^}}   17 |   Aws::S3::S3Client Client(Config);
  // CHECK-NEXT: {{^}}      |                     ^
  // CHECK-NEXT: fix-it:"[[FILE]]":{17:3-17:3}:"static const "
  // CHECK-NEXT: [[FILE]]:47:10: note: 'handler' calls 'fetch' here
  // CHECK-NEXT: {{^}}   47 |   Body = fetch(Req.payload);
  // CHECK-NEXT: {{^}}      |          ^
  return Key;
}

static void store(const std::string &Body) {
  auto Heap = new Aws::DynamoDB::DynamoDBClient();
  // CHECK: [[FILE]]:[[@LINE-1]]:19: warning: 'Aws::DynamoDB::DynamoDBClient' in handler 'handler'
  // CHECK: [[FILE]]:48:3: note: 'handler' calls 'store' here
  auto Unique = std::make_unique<Aws::S3::S3Client>();
  // CHECK: [[FILE]]:[[@LINE-1]]:17: warning: 'Aws::S3::S3Client' in handler 'handler'
  // CHECK: [[FILE]]:48:3: note: 'handler' calls 'store' here
  auto Shared = Aws::MakeShared<Aws::DynamoDB::DynamoDBClient>("tag");
  // CHECK: [[FILE]]:[[@LINE-1]]:17: warning: 'Aws::DynamoDB::DynamoDBClient' in handler 'handler'
  // CHECK: [[FILE]]:48:3: note: 'handler' calls 'store' here
  (void)Body;
  delete Heap;
}

static invocation_response handler(invocation_request const &Req) {
  Aws::SDKOptions Options;
  Aws::InitAPI(Options);
  // CHECK: [[FILE]]:[[@LINE-1]]:3: warning: 'Aws::InitAPI' in handler 'handler': Aws::InitAPI called per invocation
  std::string Body;
  Body = fetch(Req.payload);
  store(Body);
  return invocation_response::success(Body, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
