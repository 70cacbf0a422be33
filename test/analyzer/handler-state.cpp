// State that outlives an invocation without being a global: a hand-written
// Runtime API loop's locals declared before the loop, and the members of an
// object whose method std::bind registers. Locals of the loop body are the
// invocation's own; counters the loop keeps before it are its control state
// (stateful-global is silent), what it keeps of requests is reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,*-global 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:

#include <aws/lambda-runtime/runtime.h>
#include <curl/curl.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace aws::lambda_runtime;

static std::string get(CURL *Curl, const std::string &Url);
static void post(CURL *Curl, const std::string &Url, const std::string &Body);

class App {
public:
  invocation_response handle(invocation_request const &Req) {
    ++Served;
    // CHECK: [[FILE:.*handler-state.cpp]]:[[@LINE-1]]:5: warning: 'App::Served' in handler 'App::handle': incremented on every invocation{{.*}} [brisk-stateful-global]
    return invocation_response::success(Req.payload, "text/plain");
  }

private:
  long Served = 0;
};

static void serve() {
  App Application;
  run_handler(std::bind(&App::handle, &Application, std::placeholders::_1));
}

int main() {
  serve();
  CURL *Curl = curl_easy_init();
  std::string Api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  std::vector<std::string> History;
  long Count = 0;
  while (true) {
    std::string Event = get(Curl, "http://" + Api + "/2018-06-01/runtime/invocation/next");
    History.push_back(Event);
    // CHECK: [[FILE]]:[[@LINE-1]]:13: error: 'History' in handler 'main::loop': request data stored in state that outlives the invocation{{.*}} [brisk-request-data-in-global]
    ++Count; // the loop's own control state: stateful-global is silent
    std::vector<std::string> Batch;
    Batch.push_back(Event); // this invocation's own
    post(Curl, "http://" + Api + "/2018-06-01/runtime/invocation/id/response", Event);
  }
}
