#pragma once
#include <aws/lambda-runtime/runtime.h>
#include <string>

aws::lambda_runtime::invocation_response placeOrder(const std::string &Body);
namespace storage {
void save(const std::string &Key);
}
