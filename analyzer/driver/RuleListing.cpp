//===- RuleListing.cpp - What --list-rules prints -------------------------===//

#include "driver/RuleListing.h"

#include <algorithm>

namespace brisk {

void listRules(llvm::ArrayRef<std::unique_ptr<Rule>> Rules,
               const std::vector<bool> &Enabled,
               const std::map<std::string, Severity> &Severities,
               llvm::raw_ostream &OS) {
  size_t IdWidth = 0;
  for (const auto &R : Rules)
    IdWidth = std::max(IdWidth, R->id().size());
  for (size_t I = 0; I < Rules.size(); ++I) {
    const Rule &R = *Rules[I];
    auto It = Severities.find(R.id().str());
    Severity Level = It == Severities.end() ? R.defaultSeverity() : It->second;
    OS << R.id();
    OS.indent(IdWidth - R.id().size() + 2);
    OS << severityName(Level);
    OS.indent(9 - severityName(Level).size());
    OS << (Enabled[I] ? "on " : "off") << "  " << R.summary();
    if (std::string Why = R.unavailableReason(); !Why.empty())
      OS << " (" << Why << ")";
    OS << "\n";
  }
}

} // namespace brisk
