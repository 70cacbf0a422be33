// A program with no handler (a CLI tool in the same database) has no
// per-invocation code: silent, exit 0.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: brisk-check -p %t --format=json | FileCheck %s
// CHECK: "findings": []
// CHECK: "handlers": 0

#include <aws/core/Aws.h>
#include <aws/s3/S3Client.h>

#include <regex>

static bool check(const std::string &Name) {
  Aws::S3::S3Client Client;
  std::regex Pattern("[a-z]+");
  return std::regex_match(Name, Pattern);
}

int main(int Argc, char **Argv) {
  Aws::SDKOptions Options;
  Aws::InitAPI(Options);
  for (int I = 1; I < Argc; ++I)
    check(Argv[I]);
  return 0;
}
