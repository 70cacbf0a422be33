//===- ClientConfiguration.h - Stand-in for the AWS SDK (declarations) ----===//

#ifndef AWS_CORE_CLIENT_CLIENTCONFIGURATION_H
#define AWS_CORE_CLIENT_CLIENTCONFIGURATION_H

#include "aws/core/Aws.h"

namespace Aws {
namespace Client {

struct ClientConfiguration {
  Aws::String region;
  long connectTimeoutMs = 1000;
  long requestTimeoutMs = 3000;
};

} // namespace Client
} // namespace Aws

#endif // AWS_CORE_CLIENT_CLIENTCONFIGURATION_H
