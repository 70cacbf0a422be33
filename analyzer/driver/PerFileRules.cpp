//===- PerFileRules.cpp - Rule selection and severity of each finding's file
//===//

#include "driver/PerFileRules.h"

#include "rules/RuleRegistry.h"

namespace brisk {

llvm::Expected<std::map<std::string, Severity>>
severityOverrides(llvm::ArrayRef<std::unique_ptr<Rule>> Rules,
                  const std::map<std::string, std::string> &Config) {
  std::map<std::string, Severity> Out;
  for (const auto &[Name, Level] : Config) {
    auto Id = canonicalRuleId(Rules, Name);
    if (!Id)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "\"severity\": " +
                                         llvm::toString(Id.takeError()));
    std::optional<Severity> S = parseSeverity(Level);
    if (!S)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "\"severity\": '" + Level + "' for '" +
                                         Name +
                                         "' must be note, warning or error");
    Out[*Id] = *S;
  }
  return Out;
}

llvm::Expected<const PerFileRules::Settings *>
PerFileRules::settingsFor(const ConfigChain &Chain) {
  const NamedConfig *Nearest = Chain.empty() ? nullptr : Chain.back();
  if (auto It = Known.find(Nearest); It != Known.end())
    return &It->second;
  EffectiveConfig Merged = mergeChain(Chain);
  auto Fail = [&](llvm::Error E) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   (Nearest ? Nearest->Path + ": " : "") +
                                       llvm::toString(std::move(E)));
  };
  RuleContext Here = Context;
  Here.MaxConcurrency =
      CommandLineConcurrency.value_or(Merged.MaxConcurrency.value_or(1));
  std::vector<std::unique_ptr<Rule>> All = createAllRules(Here);
  std::vector<std::string> Lists = Merged.RuleLists;
  if (!CommandLineRules.empty())
    Lists.push_back(CommandLineRules);
  auto Enabled = selectRules(All, Lists);
  if (!Enabled)
    return Fail(Enabled.takeError());
  Settings S;
  for (size_t I = 0; I < All.size(); ++I)
    S.Enabled[All[I]->id().str()] = (*Enabled)[I];
  auto Severities = severityOverrides(All, Merged.Severities);
  if (!Severities)
    return Fail(Severities.takeError());
  S.Severities = std::move(*Severities);
  return &(Known[Nearest] = std::move(S));
}

llvm::Error PerFileRules::apply(std::vector<Finding> &Findings) {
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    auto Chain = Discovery.chainFor(F.Loc.File);
    if (!Chain)
      return Chain.takeError();
    auto S = settingsFor(*Chain);
    if (!S)
      return S.takeError();
    auto On = (*S)->Enabled.find(F.Rule);
    if (On != (*S)->Enabled.end() && !On->second)
      continue; // rules the registry does not know (nolint) always report
    if (auto Level = (*S)->Severities.find(F.Rule);
        Level != (*S)->Severities.end())
      F.Level = Level->second;
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  return llvm::Error::success();
}

} // namespace brisk
