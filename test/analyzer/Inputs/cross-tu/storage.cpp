#include "orders.h"
#include <aws/s3/S3Client.h>

namespace storage {

void save(const std::string &Key) {
  Aws::Client::ClientConfiguration Config;
  Config.region = "eu-west-1";
  Aws::S3::S3Client Client(Config);
  (void)Key;
}

} // namespace storage
