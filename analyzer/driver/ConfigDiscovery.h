//===- ConfigDiscovery.h - .brisk.json found upward from each file --------===//
//
// As clang-tidy finds .clang-tidy: the nearest .brisk.json at or above a
// file's folder applies to it; one that says "inherit": true also takes the
// settings of the next one up, and so on. Settings merge root first: lists
// (handlers, rules, catalogue entries) append, so a nearer rule list applies
// after a farther one; severities, max_concurrency and docs_url are
// overridden by the nearer file.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_CONFIGDISCOVERY_H
#define BRISK_ANALYZER_DRIVER_CONFIGDISCOVERY_H

#include "rules/CheckConfig.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// One config file as read.
struct NamedConfig {
  std::string Path;
  CheckConfig Config;
};

/// The files that apply to one place, root first.
using ConfigChain = std::vector<const NamedConfig *>;

/// What a chain says, merged.
struct EffectiveConfig {
  std::vector<std::string> Sources; // the chain's files, root first
  std::vector<std::string> Handlers;
  std::vector<std::string> RuleLists;
  std::map<std::string, std::string> Severities;
  std::optional<unsigned> MaxConcurrency;
  std::string DocsUrl;
};

EffectiveConfig mergeChain(const ConfigChain &Chain);

/// Prints the merged settings of Chain as JSON, with its files and the
/// catalogue entries it adds.
void dumpConfig(const ConfigChain &Chain, llvm::raw_ostream &OS);

class ConfigDiscovery {
public:
  /// The chain for a file (or a folder); empty when no .brisk.json is above
  /// it. A config that cannot be read or parsed is an error naming it.
  llvm::Expected<ConfigChain> chainFor(llvm::StringRef Path);

private:
  /// The nearest config at or above Dir (absolute), or null.
  llvm::Expected<const NamedConfig *> nearest(llvm::StringRef Dir);

  llvm::StringMap<const NamedConfig *> NearestByDir;
  std::map<std::string, std::unique_ptr<NamedConfig>> Loaded;
};

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_CONFIGDISCOVERY_H
