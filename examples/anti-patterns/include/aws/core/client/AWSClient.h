//===- AWSClient.h - Stand-in for the AWS SDK (declarations only) ---------===//
//
// Every service client derives from Aws::Client::AWSClient, as in the SDK;
// brisk-check recognises SDK clients by this base class.
//
//===----------------------------------------------------------------------===//

#ifndef AWS_CORE_CLIENT_AWSCLIENT_H
#define AWS_CORE_CLIENT_AWSCLIENT_H

#include "aws/core/client/ClientConfiguration.h"

namespace Aws {
namespace Client {

class AWSClient {
public:
  explicit AWSClient(const ClientConfiguration &Configuration);
  virtual ~AWSClient();
};

class AWSXMLClient : public AWSClient {
public:
  explicit AWSXMLClient(const ClientConfiguration &Configuration);
};

} // namespace Client
} // namespace Aws

#endif // AWS_CORE_CLIENT_AWSCLIENT_H
