//===- PerFileRules.h - Rule selection and severity of each finding's file
//-===//
//
// With discovered .brisk.json files, the rules that are on and their
// severities depend on where a finding is, as .clang-tidy's Checks do: the
// whole program is checked with every rule some config could want, and each
// finding is then kept, and given its severity, by its own file's chain
// (with the command line's --rules and --max-concurrency on top).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_PERFILERULES_H
#define BRISK_ANALYZER_DRIVER_PERFILERULES_H

#include "driver/ConfigDiscovery.h"
#include "report/Finding.h"
#include "rules/Rule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// A config's severity overrides, keyed by bare rule id.
llvm::Expected<std::map<std::string, Severity>>
severityOverrides(llvm::ArrayRef<std::unique_ptr<Rule>> Rules,
                  const std::map<std::string, std::string> &Config);

class PerFileRules {
public:
  PerFileRules(ConfigDiscovery &Discovery, const RuleContext &Context,
               std::string CommandLineRules,
               std::optional<unsigned> CommandLineConcurrency)
      : Discovery(Discovery), Context(Context),
        CommandLineRules(std::move(CommandLineRules)),
        CommandLineConcurrency(CommandLineConcurrency) {}

  /// Drops the findings of rules their file's config turns off and applies
  /// its severities. A bad rule list or severity is an error naming the
  /// config file.
  llvm::Error apply(std::vector<Finding> &Findings);

private:
  struct Settings {
    std::map<std::string, bool> Enabled; // bare rule id -> on
    std::map<std::string, Severity> Severities;
  };
  llvm::Expected<const Settings *> settingsFor(const ConfigChain &Chain);

  ConfigDiscovery &Discovery;
  RuleContext Context;
  std::string CommandLineRules;
  std::optional<unsigned> CommandLineConcurrency;
  /// Keyed by the chain's nearest file (which determines the chain).
  std::map<const NamedConfig *, Settings> Known;
};

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_PERFILERULES_H
