#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <cstdlib>
#include <regex>
#include <string>

using namespace aws::lambda_runtime;

static bool valid(const std::string &Id) {
  std::regex Pattern("^[0-9]+$");
  return std::regex_match(Id, Pattern);
}

static bool changes(const std::string &Id) {
  std::regex Pattern("^[a-z]+$");
  Pattern.assign("^[A-Z]+$");
  return std::regex_match(Id, Pattern);
}

static void upload(const std::string &Body) {
  Aws::Client::ClientConfiguration Config;
  Config.region = "eu-west-1";
  Aws::S3::S3Client Client(Config);
  (void)Body;
}

static void uploadFromEnvironment(const std::string &Body) {
  Aws::Client::ClientConfiguration Config;
  Config.region = std::getenv("AWS_REGION");
  Aws::S3::S3Client Client(Config);
  (void)Body;
}

static invocation_response handler(invocation_request const &Req) {
  std::regex FromRequest(Req.payload);
  if (!valid(Req.payload) || changes(Req.payload))
    return invocation_response::failure("bad", "Invalid");
  upload(Req.payload);
  uploadFromEnvironment(Req.payload);
  return invocation_response::success("ok", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
