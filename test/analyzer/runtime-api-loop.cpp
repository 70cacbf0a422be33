// A hand-written Runtime API loop: its body is the handler. What runs before
// the loop is init.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <curl/curl.h>

#include <cstdlib>
#include <regex>
#include <string>

static std::string get(CURL *Curl, const std::string &Url);
static void post(CURL *Curl, const std::string &Url, const std::string &Body);

int main() {
  curl_global_init(CURL_GLOBAL_ALL);
  CURL *Shared = curl_easy_init();
  std::string Api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  while (true) {
    std::string Event = get(Shared, "http://" + Api + "/2018-06-01/runtime/invocation/next");
    CURL *PerEvent = curl_easy_init();
    // CHECK: [[FILE:.*runtime-api-loop.cpp]]:[[@LINE-1]]:22: warning: 'curl_easy_init' in handler '{{.*}}'
    std::regex FromEvent(Event);
    post(PerEvent, "http://" + Api + "/2018-06-01/runtime/invocation/id/response", Event);
  }
}
