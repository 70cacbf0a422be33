#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

namespace app {
invocation_response handle(invocation_request const &Req) {
  Aws::S3::S3Client Client;
  return invocation_response::success(Req.payload, "text/plain");
}
} // namespace app
