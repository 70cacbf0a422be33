// An object's data members carry what it was built from: a connection string
// taken from the request and kept in a member is request data, so connecting
// with it per invocation is silent, whether the member is set by aggregate
// initialisation, by a constructor, or by assignment. The twins are reported:
// the same objects built from constants, and an object built once in main
// that the handler lambda captures and connects per invocation.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <libpq-fe.h>

#include <string>
#include <utility>

using namespace aws::lambda_runtime;

struct RequestDb {
  std::string Conn;
  void connect() { PQconnectdb(Conn.c_str()); }
};

struct FixedDb {
  std::string Conn;
  void connect() { PQconnectdb(Conn.c_str()); }
  // CHECK: [[FILE:.*object-holds-request.cpp]]:[[@LINE-1]]:20: warning: 'PQconnectdb' in handler 'main::lambda': PostgreSQL connection opened per invocation
  // CHECK: [[FILE]]:72:7: note: 'main::lambda' calls 'FixedDb::connect' here
};

class TenantDb {
public:
  explicit TenantDb(std::string C) : Conn(std::move(C)) {
    Handle = PQconnectdb(Conn.c_str());
  }

private:
  std::string Conn;
  PGconn *Handle = nullptr;
};

class ConfigDb {
public:
  explicit ConfigDb(const char *C) : Conn(C) {
    Handle = PQconnectdb(Conn.c_str());
    // CHECK: [[FILE]]:[[@LINE-1]]:14: warning: 'PQconnectdb' in handler 'main::lambda'
    // CHECK: [[FILE]]:74:14: note: 'main::lambda' calls 'ConfigDb::ConfigDb' here
  }

private:
  std::string Conn;
  PGconn *Handle = nullptr;
};

struct Session {
  std::string Conn;
  void open() const { PQconnectdb(Conn.c_str()); }
};

struct SharedDb {
  std::string Conn;
  void connect() const { PQconnectdb(Conn.c_str()); }
  // CHECK: [[FILE]]:[[@LINE-1]]:26: warning: 'PQconnectdb' in handler 'main::lambda'
  // CHECK: [[FILE]]:79:12: note: 'main::lambda' calls 'SharedDb::connect' here
};

int main() {
  SharedDb Shared{"host=db dbname=orders"};
  run_handler([&Shared](invocation_request const &Req) {
    RequestDb D{Req.payload};
    D.connect();
    FixedDb F{"host=db dbname=orders"};
    F.connect();
    TenantDb T(Req.payload);
    ConfigDb C("host=db dbname=config");
    Session S;
    S.Conn = Req.payload;
    S.open();
    // Opened on every invocation although it was configured once.
    Shared.connect();
    return invocation_response::success("ok", "text/plain");
  });
  return 0;
}
