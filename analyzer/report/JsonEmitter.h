//===- JsonEmitter.h - The versioned JSON report --------------------------===//

#ifndef BRISK_ANALYZER_REPORT_JSONEMITTER_H
#define BRISK_ANALYZER_REPORT_JSONEMITTER_H

#include "report/Finding.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

namespace brisk {

struct RunStats {
  unsigned TranslationUnits = 0;
  unsigned ParseErrors = 0;
  unsigned Handlers = 0;
  unsigned CacheHits = 0;
  /// Calls through function values no function was found for.
  unsigned UntracedCalls = 0;
};

/// Writes design.md's schema (version 1), keys in the documented order.
void emitJson(llvm::ArrayRef<Finding> Findings, const RunStats &Stats,
              llvm::raw_ostream &OS);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_JSONEMITTER_H
