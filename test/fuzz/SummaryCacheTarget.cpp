//===- SummaryCacheTarget.cpp - Fuzz brisk-check's summary-cache reader ---===//
//
// The input replaces the one entry a store wrote, and lookup reads it as
// brisk-check would on its next run. The adapter knows nothing of the
// entry's format: whatever store writes, the fuzzer mutates.

#include "FuzzTargets.h"

#include "cache/SummaryCache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

namespace brisk::fuzz {

namespace {

struct OneEntryCache {
  std::string Dir;
  SummaryCache Cache;
  std::string EntryPath;

  OneEntryCache()
      : Dir((scratchDir() + "/summary-cache").str()), Cache({Dir}, Catalogs{}) {
    TUSummary S;
    S.MainFile = "/fuzz/main.cpp";
    Cache.store("/fuzz", CommandLine, S.MainFile, S, /*Diagnostics=*/"",
                /*Deps=*/{});
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      EntryPath = It->path();
    if (EntryPath.empty() ||
        !Cache.lookup("/fuzz", CommandLine, S.MainFile, /*AcceptErrors=*/true))
      std::abort(); // the cache does not work at all: not a fuzz finding
  }

  std::vector<std::string> CommandLine{"clang++", "-c", "/fuzz/main.cpp"};
};

} // namespace

void runSummaryCache(llvm::StringRef Input) {
  static OneEntryCache Entry;
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Entry.EntryPath, EC);
    if (EC)
      std::abort();
    OS << Input;
  }
  (void)Entry.Cache.lookup("/fuzz", Entry.CommandLine, "/fuzz/main.cpp",
                           /*AcceptErrors=*/true);
}

} // namespace brisk::fuzz
