// Test stub of the AWS SDK for C++ core API (declarations only).
#pragma once
#include <aws/core/utils/memory/AWSMemory.h>

namespace Aws {
struct SDKOptions {
  struct LoggingOptions {
    int logLevel = 0;
  } loggingOptions;
};
void InitAPI(const SDKOptions &options);
void ShutdownAPI(const SDKOptions &options);
} // namespace Aws
