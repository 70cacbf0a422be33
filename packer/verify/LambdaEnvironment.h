//===- LambdaEnvironment.h - The variables Lambda sets for a function -----===//
//
// The defined runtime environment variables (AWS's "Using Lambda environment
// variables"): the Runtime API address, task root, handler, function name,
// memory, version, log group and stream, region, PATH and LD_LIBRARY_PATH.
// No credentials: calls to AWS from the function fail, as they would with a
// role that grants nothing.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_LAMBDAENVIRONMENT_H
#define BRISK_PACKER_VERIFY_LAMBDAENVIRONMENT_H

#include <string>
#include <utility>
#include <vector>

namespace brisk {

/// The region verify pretends to run in; ARNs and AWS_REGION use it.
constexpr const char *EmulatedRegion = "us-east-1";
constexpr const char *EmulatedAccount = "123456789012";

struct FunctionSettings {
  std::string Name;
  std::string Handler;
  std::string RuntimeApi; // host:port
  unsigned MemoryMb = 128;
  std::vector<std::string> LibraryPath; // the runtime's LD_LIBRARY_PATH
};

/// The function's ARN, as Lambda-Runtime-Invoked-Function-Arn carries it.
std::string functionArn(const std::string &Name);

/// Every variable, sorted by name.
std::vector<std::pair<std::string, std::string>>
lambdaEnvironment(const FunctionSettings &Settings);

} // namespace brisk

#endif
