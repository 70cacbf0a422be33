#include <aws/s3/S3Client.h>
#include <string>

static Aws::S3::S3Client Client;

std::string helper(const std::string &Body) { return Body + "-billed"; }
