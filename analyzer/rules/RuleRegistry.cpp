//===- RuleRegistry.cpp - Creating and selecting rules --------------------===//

#include "rules/RuleRegistry.h"
#include "rules/InitInHandler.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/GlobPattern.h"

namespace brisk {

std::vector<std::unique_ptr<Rule>> createAllRules(const RuleContext &Context) {
  std::vector<std::unique_ptr<Rule>> Rules;
  Rules.push_back(std::make_unique<InitInHandler>(*Context.Catalog));
  return Rules;
}

llvm::Expected<std::vector<std::unique_ptr<Rule>>>
selectRules(std::vector<std::unique_ptr<Rule>> All,
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
  std::vector<std::unique_ptr<Rule>> Selected;
  for (size_t I = 0; I < All.size(); ++I)
    if (Enabled[I])
      Selected.push_back(std::move(All[I]));
  return Selected;
}

} // namespace brisk
