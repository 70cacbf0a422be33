//===- Progress.cpp - One updating line while TUs are analysed ------------===//

#include "driver/Progress.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"

namespace brisk {

namespace {
// Back to the start of the line, and erase what a longer path left there.
constexpr const char *Rewind = "\r\x1b[K";
} // namespace

Progress::Progress(llvm::raw_ostream &Err, size_t Total)
    : Err(Err), Total(Total), Start(std::chrono::steady_clock::now()) {
  llvm::SmallString<256> Dir;
  if (!llvm::sys::fs::current_path(Dir))
    Cwd = std::string(Dir) + "/";
}

void Progress::done(llvm::StringRef File, bool IsCached, bool HadErrors) {
  std::lock_guard<std::mutex> Guard(Lock);
  ++Done;
  Cached += IsCached;
  WithErrors += HadErrors;
  File.consume_front(Cwd);
  Err << Rewind << "[" << Done << "/" << Total << "] " << File;
  Err.flush();
}

void Progress::finish() {
  std::lock_guard<std::mutex> Guard(Lock);
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  Err << Rewind << "brisk-check: " << Total
      << " translation units: " << Done - Cached << " parsed, " << Cached
      << " from the cache, " << WithErrors << " with errors, "
      << llvm::format("%.1f", Seconds) << " s\n";
}

} // namespace brisk
