#pragma once
#include <aws/s3/S3Client.h>

inline void touchBucket() {
  Aws::S3::S3Client Client;
}
