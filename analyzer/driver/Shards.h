//===- Shards.h - Split a compilation database across CI machines ---------===//
//
// `--shard=I/N` extracts the I-th of N deterministic parts of the database's
// translation units into the cache, and `--link-only` links the caches of
// all shards and reports: a monorepo's analysis spread over a CI matrix.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_SHARDS_H
#define BRISK_ANALYZER_DRIVER_SHARDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct ShardSpec {
  unsigned Index = 1; // 1-based, as CI matrices count
  unsigned Count = 1;
};

/// Parses "I/N" with 1 <= I <= N.
llvm::Expected<ShardSpec> parseShard(llvm::StringRef Text);

/// Shard S of Files (sorted, as the driver lists them): every Count-th file
/// from the Index-th on, so shards differ in size by at most one TU and the
/// split depends only on the database, never on the machine.
std::vector<std::string> shardFiles(llvm::ArrayRef<std::string> Files,
                                    ShardSpec S);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_SHARDS_H
