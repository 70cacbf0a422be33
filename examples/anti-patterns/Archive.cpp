//===- Archive.cpp - Uploads orders to S3 (wrongly) -----------------------===//

#include "Orders.h"

#include <aws/s3/S3Client.h>

#include <fstream>
#include <memory>

// hardcoded-credential: an access key id and its secret key in the source
// (the AWS documentation's example pair). Anyone with the zip or the repository
// has them; use the function's execution role instead.
static const Aws::Auth::AWSCredentials
    ArchiveCredentials("AKIAIOSFODNN7EXAMPLE",
                       "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

bool archiveOrder(std::string const &Bucket, std::string const &Key,
                  std::string const &Path) {
  Aws::Client::ClientConfiguration Configuration;
  Configuration.region = "eu-west-1";
  // init-in-handler: an S3 client (TLS context, credential resolution,
  // connection pool) is built on every invocation, though nothing about it
  // depends on the request. Build it once in main and pass it in.
  Aws::S3::S3Client Client(ArchiveCredentials, Configuration);

  Aws::S3::Model::PutObjectRequest Put;
  Put.WithBucket(Bucket).WithKey(Key);
  Put.SetBody(std::make_shared<std::fstream>(Path, std::ios::in));
  return Client.PutObject(Put).IsSuccess();
}
