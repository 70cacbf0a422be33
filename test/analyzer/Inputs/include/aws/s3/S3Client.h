// Test stub of Aws::S3::S3Client (declarations only).
#pragma once
#include <aws/core/client/AWSClient.h>
#include <string>

namespace Aws {
namespace S3 {
namespace Model {
struct GetObjectRequest {
  GetObjectRequest &WithBucket(const std::string &bucket);
  GetObjectRequest &WithKey(const std::string &key);
};
struct GetObjectOutcome {
  bool IsSuccess() const;
};
} // namespace Model
class S3Client : public Aws::Client::AWSXMLClient {
public:
  S3Client();
  explicit S3Client(const Aws::Client::ClientConfiguration &configuration);
  S3Client(const S3Client &);
  ~S3Client() override;
  Model::GetObjectOutcome GetObject(const Model::GetObjectRequest &request) const;
};
} // namespace S3
} // namespace Aws
