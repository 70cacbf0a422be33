#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

int helper();

static invocation_response handler(invocation_request const &Req) {
  Aws::S3::S3Client Client;
  return invocation_response::success(Req.payload + std::to_string(helper()),
                                      "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
