//===- Progress.h - One updating line while TUs are analysed --------------===//
//
// A 78-TU run is a minute of silence without it. On a terminal (or with
// --progress) stderr shows "[37/200] src/orders.cpp" as TUs finish, on one
// line rewritten in place, then a closing line with what the run did.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_PROGRESS_H
#define BRISK_ANALYZER_DRIVER_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>
#include <string>

namespace brisk {

class Progress {
public:
  Progress(llvm::raw_ostream &Err, size_t Total);

  /// One TU finished; safe to call from several threads.
  void done(llvm::StringRef File, bool Cached, bool HadErrors);

  /// Clears the line and prints the closing one.
  void finish();

private:
  llvm::raw_ostream &Err;
  size_t Total;
  size_t Done = 0, Cached = 0, WithErrors = 0;
  std::string Cwd;
  std::chrono::steady_clock::time_point Start;
  std::mutex Lock;
};

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_PROGRESS_H
