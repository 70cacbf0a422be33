//===- StandInSdk.cpp - Definitions for the stand-in SDK headers ----------===//
//
// The anti-patterns function calls the AWS SDK through the declaration-only
// headers in include/aws. These definitions let it link into a Lambda
// executable that brisk-pack packs and verify runs: they talk to no service,
// and PutObject succeeds without uploading anything, so that every
// per-invocation mistake of the handler runs as it would on Lambda.
//
//===----------------------------------------------------------------------===//

#include <aws/core/Aws.h>
#include <aws/s3/S3Client.h>

namespace Aws {

void InitAPI(const SDKOptions &) {}
void ShutdownAPI(const SDKOptions &) {}

namespace Auth {
AWSCredentials::AWSCredentials(const Aws::String &AccessKeyId,
                               const Aws::String &SecretKey)
    : AccessKeyId(AccessKeyId), SecretKey(SecretKey) {}
} // namespace Auth

namespace Client {
AWSClient::AWSClient(const ClientConfiguration &) {}
AWSClient::~AWSClient() = default;
AWSXMLClient::AWSXMLClient(const ClientConfiguration &Configuration)
    : AWSClient(Configuration) {}
} // namespace Client

namespace S3 {
S3Client::S3Client(const Aws::Client::ClientConfiguration &Configuration)
    : AWSXMLClient(Configuration) {}
S3Client::S3Client(const Aws::Auth::AWSCredentials &,
                   const Aws::Client::ClientConfiguration &Configuration)
    : AWSXMLClient(Configuration) {}

Model::PutObjectOutcome
S3Client::PutObject(const Model::PutObjectRequest &) const {
  return {};
}

namespace Model {
PutObjectRequest &PutObjectRequest::WithBucket(const Aws::String &) {
  return *this;
}
PutObjectRequest &PutObjectRequest::WithKey(const Aws::String &) {
  return *this;
}
void PutObjectRequest::SetBody(const std::shared_ptr<std::iostream> &) {}
bool PutObjectOutcome::IsSuccess() const { return true; }
} // namespace Model
} // namespace S3

} // namespace Aws
