//===- Limits.h - Lambda's size limits, from rules/lambda-limits.json -----===//

#ifndef BRISK_PACKER_PLAN_LIMITS_H
#define BRISK_PACKER_PLAN_LIMITS_H

#include "llvm/Support/Error.h"

#include <cstdint>

namespace brisk {

struct LambdaLimits {
  /// Function plus its layers, unzipped: above this Lambda refuses it.
  uint64_t UnzippedBytesMax = 0;
  /// Above this a zip cannot be uploaded directly, only through S3.
  uint64_t DirectUploadZipBytesMax = 0;
  unsigned LayersPerFunctionMax = 0;
};

/// Reads RulesDir/lambda-limits.json; a missing or malformed file is an error
/// naming it and the field.
llvm::Expected<LambdaLimits> loadLambdaLimits(llvm::StringRef RulesDir);

llvm::Expected<LambdaLimits> parseLambdaLimits(llvm::StringRef Json,
                                               llvm::StringRef Origin);

} // namespace brisk

#endif
