//===- RulesFile.h - Read one JSON file of rules/ -------------------------===//

#ifndef BRISK_PACKER_PLAN_RULESFILE_H
#define BRISK_PACKER_PLAN_RULESFILE_H

#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <string>

namespace brisk {

/// RulesDir/\p Name parsed: its top-level object, and the file's path (for
/// the caller's messages about its fields) in \p Path. A file that cannot
/// be read or is not a JSON object is an error naming it.
llvm::Expected<nlohmann::json> readRulesFile(llvm::StringRef RulesDir,
                                             llvm::StringRef Name,
                                             std::string &Path);

} // namespace brisk

#endif
