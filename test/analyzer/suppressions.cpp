// The NOLINT family (same line, next line, begin and end markers) with rule
// names and globs hides findings; other tools' names and empty lists do not.
// An unpaired begin marker is an error of its own.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

using namespace aws::lambda_runtime;

static void build() {
  Aws::S3::S3Client A; // NOLINT
  Aws::S3::S3Client B; // NOLINT(brisk-init-in-handler)
  Aws::S3::S3Client C; // NOLINT(bugprone-*, brisk-init-*)
  // NOLINTNEXTLINE(brisk-*)
  Aws::S3::S3Client D;
  Aws::S3::S3Client E; // NOLINT(bugprone-unused-raii)
  // CHECK: [[FILE:.*suppressions.cpp]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  Aws::S3::S3Client F; // NOLINT()
  // CHECK: [[FILE]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  // NOLINTNEXTLINE(brisk-init-in-handler)

  Aws::S3::S3Client G;
  // CHECK: [[FILE]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  // NOLINTBEGIN(brisk-init-in-handler)
  Aws::S3::S3Client H;
  Aws::S3::S3Client I;
  // NOLINTEND(brisk-init-in-handler)
  Aws::S3::S3Client J;
  // CHECK: [[FILE]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
  // NOLINTBEGIN(brisk-*)
  // CHECK: [[FILE]]:[[@LINE-1]]:6: error: unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [brisk-nolint]
  Aws::S3::S3Client K;
  // CHECK: [[FILE]]:[[@LINE-1]]:21: warning: 'Aws::S3::S3Client' in handler 'handler'
}

static invocation_response handler(invocation_request const &Req) {
  build();
  return invocation_response::success(Req.payload, "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
