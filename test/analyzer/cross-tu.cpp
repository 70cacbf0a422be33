// The handler is in this file; the client is built three calls and two files
// away (Inputs/cross-tu/orders.cpp, then storage.cpp). The note lines walk
// the whole path, in text and in JSON.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s %S/Inputs/cross-tu/orders.cpp %S/Inputs/cross-tu/storage.cpp
// RUN: not brisk-check -p %t 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not brisk-check -p %t --format=json | FileCheck %s --check-prefix=JSON

#include "Inputs/cross-tu/orders.h"
#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

static invocation_response handler(invocation_request const &Req) {
  return placeOrder(Req.payload);
}

int main() {
  run_handler(handler);
  return 0;
}

// CHECK: {{.*}}Inputs/cross-tu/storage.cpp:9:21: warning: 'Aws::S3::S3Client' in handler 'handler'
// CHECK-NEXT: {{^}}    9 |   Aws::S3::S3Client Client(Config);
// CHECK-NEXT: {{^}}      |                     ^
// CHECK-NEXT: fix-it:"{{.*}}Inputs/cross-tu/storage.cpp":{9:3-9:3}:"static const "
// CHECK-NEXT: [[FILE:.*cross-tu.cpp]]:14:10: note: 'handler' calls 'placeOrder' here
// CHECK-NEXT: {{^}}   14 |   return placeOrder(Req.payload);
// CHECK-NEXT: {{^}}      |          ^
// CHECK-NEXT: {{.*}}Inputs/cross-tu/orders.cpp:8:3: note: 'placeOrder' calls 'audit' here
// CHECK: {{.*}}Inputs/cross-tu/orders.cpp:13:3: note: 'audit' calls 'storage::save' here

// JSON:      "file": "{{/.*}}/Inputs/cross-tu/storage.cpp",
// JSON-NEXT: "line": 9,
// JSON-NEXT: "column": 21,
// JSON:      "handler": "handler",
// JSON-NEXT: "trace": [
// JSON-NEXT:   {
// JSON-NEXT:     "function": "handler",
// JSON-NEXT:     "file": "{{/.*}}/cross-tu.cpp",
// JSON-NEXT:     "line": 14,
// JSON-NEXT:     "column": 10
// JSON:          "function": "placeOrder",
// JSON:          "function": "audit",
// JSON:      "translation_units": 3,
