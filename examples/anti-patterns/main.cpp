//===- main.cpp - Init for the anti-patterns example ----------------------===//
//
// This part is right: the SDK is initialised once, before serving. The
// mistakes are in OrderHandler.cpp and Archive.cpp.
//
//===----------------------------------------------------------------------===//

#include "Orders.h"

#include <aws/core/Aws.h>

int main() {
  Aws::SDKOptions Options;
  Aws::InitAPI(Options);
  aws::lambda_runtime::run_handler(handleOrder);
  Aws::ShutdownAPI(Options);
  return 0;
}
