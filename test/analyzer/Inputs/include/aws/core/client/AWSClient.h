// Test stub of the AWS SDK client hierarchy: like the real SDK, service
// clients derive from AWSClient through AWSJsonClient or AWSXMLClient.
#pragma once
#include <aws/core/client/ClientConfiguration.h>

namespace Aws {
namespace Client {
class AWSClient {
public:
  explicit AWSClient(const ClientConfiguration &configuration);
  virtual ~AWSClient();
};
class AWSJsonClient : public AWSClient {
public:
  explicit AWSJsonClient(const ClientConfiguration &configuration);
};
class AWSXMLClient : public AWSClient {
public:
  explicit AWSXMLClient(const ClientConfiguration &configuration);
};
} // namespace Client
} // namespace Aws
