// Constructing an object whose member is an SDK client builds the client:
// reported at the member, with the path to the function that constructs the
// object. The same object built once in main is silent.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

class Repository {
public:
  Repository() = default;
  void save(const std::string &Item) { (void)Item; }

private:
  Aws::DynamoDB::DynamoDBClient Db;
  // CHECK: [[FILE:.*member-construction.cpp]]:[[@LINE-1]]:33: warning: 'Aws::DynamoDB::DynamoDBClient' in handler 'main::lambda'
  // CHECK: [[FILE]]:37:7: note: 'main::lambda' calls 'Service::handle' here
};

class Service {
public:
  void handle(const std::string &Item) {
    Repository Repo;
    Repo.save(Item);
  }
};

static Repository *Shared;

int main() {
  Shared = new Repository();
  run_handler([](invocation_request const &Req) {
    Service S;
    S.handle(Req.payload);
    Shared->save(Req.payload);
    return invocation_response::success("ok", "text/plain");
  });
  return 0;
}
