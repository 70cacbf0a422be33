//===- PackConfigTarget.cpp - Fuzz brisk-pack's -c config reader ----------===//

#include "FuzzTargets.h"

#include "plan/PackConfig.h"

namespace brisk::fuzz {

void runPackConfig(llvm::StringRef Input) {
  PackOptions Options;
  llvm::consumeError(
      parsePackConfig(Input, "brisk-pack.json", "/fuzz", Options));
}

} // namespace brisk::fuzz
