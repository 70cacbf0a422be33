//===- CachedExtraction.cpp - Summaries of a run's TUs, through the cache -===//

#include "driver/CachedExtraction.h"

#include "cache/SummaryCache.h"
#include "driver/DatabaseLoading.h"
#include "driver/Progress.h"

#include "llvm/Support/Path.h"

#include <optional>

namespace brisk {

using namespace llvm;

std::string cacheDir(const CheckOptions &O) {
  if (!O.CacheDirs.empty())
    return normalisePath(O.CacheDirs.front());
  SmallString<256> Dir(databaseDir(O.BuildPath));
  sys::path::append(Dir, ".brisk-cache");
  return std::string(Dir);
}

Expected<ExtractResult>
extractWithCache(const CheckOptions &O,
                 const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files, const Catalogs &Data,
                 raw_ostream &Err) {
  ExtractOptions Options;
  Options.Jobs = O.Jobs;
  Options.Data = Data;
  if (!O.NoCache)
    Options.CacheDir = cacheDir(O);
  if (O.LinkOnly)
    for (const std::string &Dir :
         O.CacheDirs.empty() ? std::vector<std::string>{Options.CacheDir}
                             : O.CacheDirs)
      for (std::string &Each : SummaryCache::withSubfolders(normalisePath(Dir)))
        Options.LinkFrom.push_back(std::move(Each));
  std::optional<Progress> Shown;
  if (O.ShowProgress) {
    Shown.emplace(Err, Files.size());
    Options.OnTUDone = [&](size_t I, const TUSummary &S, bool Cached) {
      Shown->done(Files[I], Cached, S.HadErrors);
    };
  }
  auto Extracted = extractSummaries(DB, Files, Options);
  if (Shown)
    Shown->finish();
  return Extracted;
}

} // namespace brisk
