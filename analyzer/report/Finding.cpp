//===- Finding.cpp - Severities and the collecting sink -------------------===//

#include "report/Finding.h"

#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <tuple>

namespace brisk {

llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Severity>>(Name)
      .Case("note", Severity::Note)
      .Case("warning", Severity::Warning)
      .Case("error", Severity::Error)
      .Default(std::nullopt);
}

void sortFindings(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return std::tie(A.Loc, A.Rule, A.Message) <
                            std::tie(B.Loc, B.Rule, B.Message);
                   });
}

RulePrecedence FindingCollector::precedenceOf(const std::string &Rule) const {
  auto It = Precedence.find(Rule);
  return It == Precedence.end() ? RulePrecedence() : It->second;
}

void FindingCollector::report(Finding F) {
  RulePrecedence P = precedenceOf(F.Rule);
  std::string Key = P.Group.empty() ? F.Rule : "group:" + P.Group;
  auto [It, New] = Sites.try_emplace({Key, F.Loc}, Findings.size());
  if (New) {
    Findings.push_back(std::move(F));
    return;
  }
  Finding &Old = Findings[It->second];
  unsigned OldRank = precedenceOf(Old.Rule).Rank;
  if (P.Rank < OldRank ||
      (P.Rank == OldRank && F.Trace.size() < Old.Trace.size()))
    Old = std::move(F);
}

} // namespace brisk
