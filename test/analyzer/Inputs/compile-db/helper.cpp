#include <aws/s3/S3Client.h>

#ifndef FROM_GCC
#error "compiled without the database's -DFROM_GCC"
#endif

int helper() {
  Aws::S3::S3Client Client;
  return 1;
}
