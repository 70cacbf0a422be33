// Test stub of Aws::Client::ClientConfiguration (declarations only).
#pragma once
#include <string>

namespace Aws {
namespace Client {
struct ClientConfiguration {
  ClientConfiguration();
  std::string region;
  std::string endpointOverride;
  long connectTimeoutMs = 1000;
  long requestTimeoutMs = 3000;
};
} // namespace Client
} // namespace Aws
