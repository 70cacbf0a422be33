//===- Aws.h - Stand-in for the AWS SDK for C++ (declarations only) -------===//
//
// The AWS SDK for C++ is not packaged in Debian. These headers declare the
// few SDK names the anti-patterns example uses, with the SDK's own spelling
// and class hierarchy, so that the example compiles and can be analysed. They
// are never linked.
//
//===----------------------------------------------------------------------===//

#ifndef AWS_CORE_AWS_H
#define AWS_CORE_AWS_H

#include <string>

namespace Aws {

using String = std::string;

struct SDKOptions {};

void InitAPI(const SDKOptions &Options);
void ShutdownAPI(const SDKOptions &Options);

} // namespace Aws

#endif // AWS_CORE_AWS_H
