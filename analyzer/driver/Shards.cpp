//===- Shards.cpp - Split a compilation database across CI machines -------===//

#include "driver/Shards.h"

namespace brisk {

llvm::Expected<ShardSpec> parseShard(llvm::StringRef Text) {
  auto [I, N] = Text.split('/');
  ShardSpec S;
  if (I.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--shard='" + Text +
            "' must be I/N with 1 <= I <= N (e.g. --shard=2/4)");
  return S;
}

std::vector<std::string> shardFiles(llvm::ArrayRef<std::string> Files,
                                    ShardSpec S) {
  std::vector<std::string> Out;
  for (size_t I = S.Index - 1; I < Files.size(); I += S.Count)
    Out.push_back(Files[I]);
  return Out;
}

} // namespace brisk
