//===- RuleRegistry.h - Every rule brisk-check knows, and selecting them --===//

#ifndef BRISK_ANALYZER_RULES_RULEREGISTRY_H
#define BRISK_ANALYZER_RULES_RULEREGISTRY_H

#include "catalog/InitCatalog.h"
#include "rules/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

/// The data rules are configured with.
struct RuleContext {
  const InitCatalog *Catalog = nullptr;
};

/// Every rule, in the order their findings take precedence.
std::vector<std::unique_ptr<Rule>> createAllRules(const RuleContext &Context);

/// Applies rule lists clang-tidy style: comma-separated ids or globs, bare or
/// with the brisk- prefix, a leading '-' disables. Lists apply in order on top
/// of "all rules enabled". A plain id that names no rule is an error.
llvm::Expected<std::vector<std::unique_ptr<Rule>>>
selectRules(std::vector<std::unique_ptr<Rule>> All,
            llvm::ArrayRef<std::string> Lists);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_RULEREGISTRY_H
