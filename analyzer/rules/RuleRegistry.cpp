//===- RuleRegistry.cpp - Creating and selecting rules --------------------===//

#include "rules/RuleRegistry.h"

#include "rules/DetachedWork.h"
#include "rules/ExitInHandler.h"
#include "rules/HardcodedCredential.h"
#include "rules/InitInHandler.h"
#include "rules/RequestDataInGlobal.h"
#include "rules/StatefulGlobal.h"
#include "rules/TmpFileLeak.h"
#include "rules/UnboundedGlobalGrowth.h"
#include "rules/UnsynchronizedGlobal.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/GlobPattern.h"

namespace brisk {

std::vector<std::unique_ptr<Rule>> createAllRules(const RuleContext &Context) {
  std::vector<std::unique_ptr<Rule>> Rules;
  Rules.push_back(std::make_unique<InitInHandler>(*Context.Sites));
  // One site, several views: request data first, then growth, then state.
  Rules.push_back(std::make_unique<RequestDataInGlobal>());
  Rules.push_back(std::make_unique<UnboundedGlobalGrowth>());
  Rules.push_back(std::make_unique<StatefulGlobal>());
  Rules.push_back(
      std::make_unique<UnsynchronizedGlobal>(Context.MaxConcurrency));
  Rules.push_back(std::make_unique<ExitInHandler>(*Context.Sites));
  Rules.push_back(std::make_unique<DetachedWork>(*Context.Sites));
  Rules.push_back(std::make_unique<TmpFileLeak>(*Context.Sites));
  Rules.push_back(std::make_unique<HardcodedCredential>(*Context.Credentials));
  return Rules;
}

llvm::Expected<std::vector<bool>>
selectRules(llvm::ArrayRef<std::unique_ptr<Rule>> All,
            llvm::ArrayRef<std::string> Lists) {
  std::vector<bool> Enabled(All.size(), true);
  for (llvm::StringRef List : Lists) {
    llvm::SmallVector<llvm::StringRef, 8> Items;
    List.split(Items, ',', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Item : Items) {
      Item = Item.trim();
      if (Item.empty())
        continue;
      bool Enable = !Item.consume_front("-");
      Item.consume_front("brisk-");
      auto Pattern = llvm::GlobPattern::create(Item);
      if (!Pattern)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "invalid rule pattern '" + Item + "': " +
                                           llvm::toString(Pattern.takeError()));
      bool Matched = false;
      for (size_t I = 0; I < All.size(); ++I)
        if (Pattern->match(All[I]->id())) {
          Enabled[I] = Enable;
          Matched = true;
        }
      if (!Matched && Item.find_first_of("*?[") == llvm::StringRef::npos)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "unknown rule '" + Item + "'");
    }
  }
  for (size_t I = 0; I < All.size(); ++I)
    if (!All[I]->unavailableReason().empty())
      Enabled[I] = false;
  return Enabled;
}

std::map<std::string, RulePrecedence>
rulePrecedence(llvm::ArrayRef<std::unique_ptr<Rule>> Rules) {
  std::map<std::string, RulePrecedence> Out;
  for (unsigned I = 0; I < Rules.size(); ++I)
    Out[Rules[I]->id().str()] = {Rules[I]->precedenceGroup().str(), I};
  return Out;
}

llvm::Expected<std::string>
canonicalRuleId(llvm::ArrayRef<std::unique_ptr<Rule>> All,
                llvm::StringRef Name) {
  llvm::StringRef Bare = Name;
  Bare.consume_front("brisk-");
  for (const auto &R : All)
    if (R->id() == Bare)
      return Bare.str();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unknown rule '" + Name + "'");
}

} // namespace brisk
