//===- LambdaEnvironment.cpp - The variables Lambda sets for a function ---===//

#include "verify/LambdaEnvironment.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace brisk {

std::string functionArn(const std::string &Name) {
  return std::string("arn:aws:lambda:") + EmulatedRegion + ":" +
         EmulatedAccount + ":function:" + Name;
}

std::vector<std::pair<std::string, std::string>>
lambdaEnvironment(const FunctionSettings &S) {
  std::vector<std::pair<std::string, std::string>> Env = {
      {"AWS_LAMBDA_RUNTIME_API", S.RuntimeApi},
      {"LAMBDA_TASK_ROOT", "/var/task"},
      {"LAMBDA_RUNTIME_DIR", "/var/runtime"},
      {"_HANDLER", S.Handler},
      {"AWS_LAMBDA_FUNCTION_NAME", S.Name},
      {"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", std::to_string(S.MemoryMb)},
      {"AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"},
      {"AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"},
      {"AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + S.Name},
      {"AWS_LAMBDA_LOG_STREAM_NAME", "brisk-verify/[$LATEST]local"},
      {"AWS_REGION", EmulatedRegion},
      {"AWS_DEFAULT_REGION", EmulatedRegion},
      {"LANG", "en_US.UTF-8"},
      {"TZ", ":UTC"},
      {"PATH", "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin"},
      {"LD_LIBRARY_PATH", llvm::join(S.LibraryPath, ":")}};
  std::sort(Env.begin(), Env.end());
  return Env;
}

} // namespace brisk
