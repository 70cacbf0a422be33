//===- PutObjectRequest.h - Stand-in for the AWS SDK (declarations only) --===//

#ifndef AWS_S3_MODEL_PUTOBJECTREQUEST_H
#define AWS_S3_MODEL_PUTOBJECTREQUEST_H

#include "aws/core/Aws.h"

#include <iostream>
#include <memory>

namespace Aws {
namespace S3 {
namespace Model {

class PutObjectRequest {
public:
  PutObjectRequest &WithBucket(const Aws::String &Bucket);
  PutObjectRequest &WithKey(const Aws::String &Key);
  void SetBody(const std::shared_ptr<std::iostream> &Body);
};

class PutObjectOutcome {
public:
  bool IsSuccess() const;
};

} // namespace Model
} // namespace S3
} // namespace Aws

#endif // AWS_S3_MODEL_PUTOBJECTREQUEST_H
