//===- RuleListing.h - What --list-rules prints ---------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_RULELISTING_H
#define BRISK_ANALYZER_DRIVER_RULELISTING_H

#include "report/Finding.h"
#include "rules/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <vector>

namespace brisk {

/// One line per rule: id, severity (after the config's overrides), whether
/// it is on (and why not, when it cannot be), and its summary.
void listRules(llvm::ArrayRef<std::unique_ptr<Rule>> Rules,
               const std::vector<bool> &Enabled,
               const std::map<std::string, Severity> &Severities,
               llvm::raw_ostream &OS);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_RULELISTING_H
