//===- AWSCredentials.h - Stand-in for the AWS SDK (declarations only) ----===//

#ifndef AWS_CORE_AUTH_AWSCREDENTIALS_H
#define AWS_CORE_AUTH_AWSCREDENTIALS_H

#include "aws/core/Aws.h"

namespace Aws {
namespace Auth {

class AWSCredentials {
public:
  AWSCredentials(const Aws::String &AccessKeyId, const Aws::String &SecretKey);

private:
  Aws::String AccessKeyId;
  Aws::String SecretKey;
};

} // namespace Auth
} // namespace Aws

#endif // AWS_CORE_AUTH_AWSCREDENTIALS_H
