//===- Orders.h - An order-intake function written the wrong way ----------===//
//
// Every function in this example works, and every one of them costs latency,
// money or a leak on Lambda. Each mistake is one clear instance of a
// brisk-check rule, marked with the rule id where it happens.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_EXAMPLES_ANTI_PATTERNS_ORDERS_H
#define BRISK_EXAMPLES_ANTI_PATTERNS_ORDERS_H

#include <aws/lambda-runtime/runtime.h>

#include <string>

/// The handler main registers: validates an order event and archives it.
aws::lambda_runtime::invocation_response
handleOrder(aws::lambda_runtime::invocation_request const &Request);

/// Uploads the file at Path to Bucket under Key.
bool archiveOrder(std::string const &Bucket, std::string const &Key,
                  std::string const &Path);

#endif // BRISK_EXAMPLES_ANTI_PATTERNS_ORDERS_H
