// aws-lambda-cpp's own example style: the SDK and the client are built in
// main and the handler lambda captures the client. Nothing runs per
// invocation but GetObject, so nothing is reported.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: brisk-check -p %t 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
// RUN: brisk-check -p %t --format=json | FileCheck %s --check-prefix=JSON
// JSON: "findings": []
// JSON: "handlers": 1

#include <aws/core/Aws.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static invocation_response download(Aws::S3::S3Client const &Client,
                                    invocation_request const &Req) {
  Aws::S3::Model::GetObjectRequest Request;
  Request.WithBucket("bucket").WithKey(Req.payload);
  bool Ok = Client.GetObject(Request).IsSuccess();
  return Ok ? invocation_response::success("ok", "text/plain")
            : invocation_response::failure("failed", "S3Error");
}

int main() {
  Aws::SDKOptions Options;
  Aws::InitAPI(Options);
  {
    Aws::Client::ClientConfiguration Config;
    Config.region = "eu-west-1";
    Aws::S3::S3Client Client(Config);
    auto Handler = [&Client](invocation_request const &Req) {
      return download(Client, Req);
    };
    run_handler(Handler);
  }
  Aws::ShutdownAPI(Options);
  return 0;
}
