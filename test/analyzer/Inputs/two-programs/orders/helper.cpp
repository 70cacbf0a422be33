#include <aws/s3/S3Client.h>
#include <string>

std::string helper(const std::string &Body) {
  Aws::S3::S3Client Client;
  return Body;
}
