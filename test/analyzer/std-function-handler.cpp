// A std::function variable passed to run_handler is traced back to its
// initialiser, a lambda, which is the handler.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <sqlite3.h>

#include <functional>

using namespace aws::lambda_runtime;

static void query(const std::string &Sql) {
  sqlite3 *Db = nullptr;
  sqlite3_open("/var/task/data.db", &Db);
  // CHECK: [[FILE:.*std-function-handler.cpp]]:[[@LINE-1]]:3: warning: 'sqlite3_open' in handler '{{.*}}': SQLite database opened per invocation
  // CHECK: [[FILE]]:29:5: note: '{{.*}}' calls 'query' here
  (void)Sql;
}

static void openRequestedDatabase(const std::string &Path) {
  sqlite3 *Db = nullptr;
  sqlite3_open(Path.c_str(), &Db);
}

int main() {
  std::function<invocation_response(invocation_request const &)> Fn =
      [](invocation_request const &Req) {
    query("select 1");
    openRequestedDatabase(Req.payload);
    return invocation_response::success("ok", "text/plain");
  };
  run_handler(Fn);
  return 0;
}
