// A TU whose header is missing is analysed as far as clang recovers: the
// finding after the broken include is still reported, clang's own error is
// shown, and the run says how many TUs had errors. The handler is marked
// with the attribute here; missing-header-run-handler.cpp covers run_handler
// in a broken TU.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t > %t.out 2> %t.err
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not=warning:
// RUN: FileCheck %s --input-file=%t.err --check-prefix=ERR
// RUN: not brisk-check -p %t --format=json 2>/dev/null | FileCheck %s --check-prefix=JSON

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include "does/not/exist.h"
// ERR: {{.*}}missing-header.cpp:[[@LINE-1]]:10: fatal error: 'does/not/exist.h' file not found
// ERR: brisk-check: 1 of 1 translation units had compile errors; findings may be incomplete

using namespace aws::lambda_runtime;

[[clang::annotate("brisk::handler")]] invocation_response
handler(invocation_request const &Req) {
  Aws::S3::S3Client Client;
  // CHECK: {{.*}}missing-header.cpp:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  return invocation_response::success(Req.payload, "text/plain");
}

int main() { return 0; }

// JSON: "parse_errors": 1,
