// Handlers named on the command line or in the config file, and handlers
// marked with [[clang::annotate("brisk::handler")]]. Without a name or the
// attribute, nothing here runs per invocation: silent.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: brisk-check -p %t --format=json | FileCheck %s --check-prefix=NONE
// NONE: "findings": []
// RUN: not brisk-check -p %t --handler=orders::process 2>&1 | FileCheck %s --check-prefix=NAMED --implicit-check-not=warning:
// RUN: not brisk-check -p %t --handler=::orders::process 2>&1 | FileCheck %s --check-prefix=NAMED --implicit-check-not=warning:
// RUN: echo '{"handlers": ["orders::process"]}' > %t.config.json
// RUN: not brisk-check -p %t --config=%t.config.json 2>&1 | FileCheck %s --check-prefix=NAMED --implicit-check-not=warning:
// RUN: %mkdb %t.annotated -- -std=c++17 -DANNOTATE -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t.annotated 2>&1 | FileCheck %s --check-prefix=ANNOTATED --implicit-check-not=warning:

#include <aws/lambda-runtime/runtime.h>
#include <libpq-fe.h>

#ifdef ANNOTATE
#define HANDLER [[clang::annotate("brisk::handler")]]
#else
#define HANDLER
#endif

namespace orders {

static void connect() {
  PGconn *Conn = PQconnectdb("host=db.internal dbname=orders");
  // NAMED: [[FILE:.*named-and-annotated-handlers.cpp]]:[[@LINE-1]]:18: warning: 'PQconnectdb' in handler 'orders::process': PostgreSQL connection opened per invocation
  // NAMED: [[FILE]]:[[@LINE+8]]:3: note: 'orders::process' calls 'orders::connect' here
  // ANNOTATED: [[FILE:.*named-and-annotated-handlers.cpp]]:[[@LINE-3]]:18: warning: 'PQconnectdb' in handler 'orders::process'
  (void)Conn;
}

HANDLER void process(const std::string &Body);

void process(const std::string &Body) {
  connect();
  (void)Body;
}

} // namespace orders

int main() { return 0; }
