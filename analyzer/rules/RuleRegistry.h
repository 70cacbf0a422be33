//===- RuleRegistry.h - Every rule brisk-check knows, and selecting them --===//

#ifndef BRISK_ANALYZER_RULES_RULEREGISTRY_H
#define BRISK_ANALYZER_RULES_RULEREGISTRY_H

#include "rules/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace brisk {

/// Every rule, in the order their findings take precedence.
std::vector<std::unique_ptr<Rule>> createAllRules(const RuleContext &Context);

/// Applies rule lists clang-tidy style: comma-separated ids or globs, bare or
/// with the brisk- prefix, a leading '-' disables. Lists apply in order on top
/// of "all rules enabled"; a rule with an unavailableReason stays off. A
/// plain id that names no rule is an error. One flag per rule of All.
llvm::Expected<std::vector<bool>>
selectRules(llvm::ArrayRef<std::unique_ptr<Rule>> All,
            llvm::ArrayRef<std::string> Lists);

/// The precedence of findings at one site: rules of one group rank in
/// registry order.
std::map<std::string, RulePrecedence>
rulePrecedence(llvm::ArrayRef<std::unique_ptr<Rule>> Rules);

/// Canonical bare rule id for Name ("brisk-stateful-global" or
/// "stateful-global"), or an error naming the unknown rule.
llvm::Expected<std::string>
canonicalRuleId(llvm::ArrayRef<std::unique_ptr<Rule>> All,
                llvm::StringRef Name);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_RULEREGISTRY_H
