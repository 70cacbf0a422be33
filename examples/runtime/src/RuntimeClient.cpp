//===- RuntimeClient.cpp - HTTP calls to the Lambda Runtime API -----------===//
//
// The 2018-06-01 Runtime API over libcurl: one easy handle per runtime so the
// connection to the local endpoint is reused across invocations.
//
//===----------------------------------------------------------------------===//

#include "aws/lambda-runtime/runtime.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>

namespace aws {
namespace lambda_runtime {

namespace {

constexpr const char *ApiPrefix = "/2018-06-01/runtime";

using HeaderMap = std::map<std::string, std::string>;

size_t appendBody(char *Data, size_t Size, size_t Count, void *Body) {
  static_cast<std::string *>(Body)->append(Data, Size * Count);
  return Size * Count;
}

std::string trimmed(std::string_view S) {
  auto IsSpace = [](unsigned char C) { return std::isspace(C) != 0; };
  while (!S.empty() && IsSpace(S.front()))
    S.remove_prefix(1);
  while (!S.empty() && IsSpace(S.back()))
    S.remove_suffix(1);
  return std::string(S);
}

/// Collects "Name: value" lines; names are lower-cased because HTTP header
/// names are case-insensitive.
size_t collectHeader(char *Data, size_t Size, size_t Count, void *Headers) {
  std::string_view Line(Data, Size * Count);
  size_t Colon = Line.find(':');
  if (Colon != std::string_view::npos) {
    std::string Name = trimmed(Line.substr(0, Colon));
    std::transform(Name.begin(), Name.end(), Name.begin(),
                   [](unsigned char C) { return std::tolower(C); });
    (*static_cast<HeaderMap *>(Headers))[Name] =
        trimmed(Line.substr(Colon + 1));
  }
  return Size * Count;
}

std::string headerOrEmpty(HeaderMap const &Headers, std::string const &Name) {
  auto It = Headers.find(Name);
  return It == Headers.end() ? std::string() : It->second;
}

std::chrono::time_point<std::chrono::system_clock>
parseDeadline(std::string const &Millis) {
  int64_t Value = 0;
  std::from_chars(Millis.data(), Millis.data() + Millis.size(), Value);
  return std::chrono::time_point<std::chrono::system_clock>(
      std::chrono::milliseconds(Value));
}

/// Performs the request set up on Curl; returns the HTTP status, or 0 when
/// no response arrived.
long perform(CURL *Curl) {
  if (curl_easy_perform(Curl) != CURLE_OK)
    return 0;
  long Status = 0;
  curl_easy_getinfo(Curl, CURLINFO_RESPONSE_CODE, &Status);
  return Status;
}

} // namespace

runtime::runtime(std::string const &endpoint)
    : m_endpoint("http://" + endpoint + ApiPrefix) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m_curl = curl_easy_init();
}

runtime::~runtime() { curl_easy_cleanup(static_cast<CURL *>(m_curl)); }

runtime::next_outcome runtime::get_next() {
  CURL *Curl = static_cast<CURL *>(m_curl);
  if (!Curl)
    return response_code(0);
  std::string Url = m_endpoint + "/invocation/next";
  std::string Body;
  HeaderMap Headers;
  curl_easy_reset(Curl);
  curl_easy_setopt(Curl, CURLOPT_URL, Url.c_str());
  curl_easy_setopt(Curl, CURLOPT_HTTPGET, 1L);
  // No timeout (curl's default): the call blocks until an event arrives.
  curl_easy_setopt(Curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(Curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(Curl, CURLOPT_WRITEDATA, &Body);
  curl_easy_setopt(Curl, CURLOPT_HEADERFUNCTION, collectHeader);
  curl_easy_setopt(Curl, CURLOPT_HEADERDATA, &Headers);

  long Status = perform(Curl);
  std::string RequestId =
      headerOrEmpty(Headers, "lambda-runtime-aws-request-id");
  if (Status != 200 || RequestId.empty())
    return response_code(Status);

  invocation_request Request;
  Request.payload = std::move(Body);
  Request.request_id = std::move(RequestId);
  Request.xray_trace_id = headerOrEmpty(Headers, "lambda-runtime-trace-id");
  Request.client_context =
      headerOrEmpty(Headers, "lambda-runtime-client-context");
  Request.cognito_identity =
      headerOrEmpty(Headers, "lambda-runtime-cognito-identity");
  Request.function_arn =
      headerOrEmpty(Headers, "lambda-runtime-invoked-function-arn");
  Request.content_type = headerOrEmpty(Headers, "content-type");
  Request.deadline =
      parseDeadline(headerOrEmpty(Headers, "lambda-runtime-deadline-ms"));
  return Request;
}

runtime::post_outcome runtime::post(std::string const &url,
                                    invocation_response const &response) {
  CURL *Curl = static_cast<CURL *>(m_curl);
  if (!Curl)
    return response_code(0);
  std::string const &Payload = response.get_payload();
  std::string ContentType = "Content-Type: " + response.get_content_type();
  curl_slist *Headers = curl_slist_append(nullptr, ContentType.c_str());
  // Without this curl waits for "100 Continue" before large bodies.
  Headers = curl_slist_append(Headers, "Expect:");
  std::string Discarded;
  curl_easy_reset(Curl);
  curl_easy_setopt(Curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(Curl, CURLOPT_POST, 1L);
  curl_easy_setopt(Curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(Curl, CURLOPT_POSTFIELDS, Payload.data());
  curl_easy_setopt(Curl, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(Payload.size()));
  curl_easy_setopt(Curl, CURLOPT_HTTPHEADER, Headers);
  curl_easy_setopt(Curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(Curl, CURLOPT_WRITEDATA, &Discarded);

  long Status = perform(Curl);
  curl_slist_free_all(Headers);
  if (Status < 200 || Status > 299)
    return response_code(Status);
  return no_result{};
}

runtime::post_outcome
runtime::post_success(std::string const &request_id,
                      invocation_response const &handler_response) {
  return post(m_endpoint + "/invocation/" + request_id + "/response",
              handler_response);
}

runtime::post_outcome
runtime::post_failure(std::string const &request_id,
                      invocation_response const &handler_response) {
  return post(m_endpoint + "/invocation/" + request_id + "/error",
              handler_response);
}

runtime::post_outcome
runtime::post_init_error(invocation_response const &init_error) {
  return post(m_endpoint + "/init/error", init_error);
}

} // namespace lambda_runtime
} // namespace aws
