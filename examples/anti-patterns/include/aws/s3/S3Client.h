//===- S3Client.h - Stand-in for the AWS SDK (declarations only) ----------===//

#ifndef AWS_S3_S3CLIENT_H
#define AWS_S3_S3CLIENT_H

#include "aws/core/auth/AWSCredentials.h"
#include "aws/core/client/AWSClient.h"
#include "aws/s3/model/PutObjectRequest.h"

namespace Aws {
namespace S3 {

class S3Client : public Aws::Client::AWSXMLClient {
public:
  explicit S3Client(const Aws::Client::ClientConfiguration &Configuration);
  S3Client(const Aws::Auth::AWSCredentials &Credentials,
           const Aws::Client::ClientConfiguration &Configuration);

  Model::PutObjectOutcome
  PutObject(const Model::PutObjectRequest &Request) const;
};

} // namespace S3
} // namespace Aws

#endif // AWS_S3_S3CLIENT_H
