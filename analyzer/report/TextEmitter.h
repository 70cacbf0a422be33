//===- TextEmitter.h - Clang-style diagnostics ----------------------------===//

#ifndef BRISK_ANALYZER_REPORT_TEXTEMITTER_H
#define BRISK_ANALYZER_REPORT_TEXTEMITTER_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

namespace brisk {

/// Writes each finding as clang 19 does: `file:line:col: warning: message
/// [brisk-rule]`, the numbered source line and a caret, then one `note:` per
/// call on the path from the handler, each with its own source line.
void emitText(llvm::ArrayRef<Finding> Findings, SourceFiles &Sources,
              llvm::raw_ostream &OS);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_TEXTEMITTER_H
