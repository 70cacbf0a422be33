//===- Fingerprint.h - A finding's identity that survives moved lines -----===//
//
// Code scanning and baselines must recognise a finding after an edit
// elsewhere in the file shifted it. Its line number cannot be the identity;
// the rule and the text of its line (without whitespace, so re-indenting
// does not count as a change) can.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_FINGERPRINT_H
#define BRISK_ANALYZER_REPORT_FINGERPRINT_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

/// 16 hex digits of SHA-256 over the rule and the finding's line without
/// whitespace (its message when the file cannot be read).
std::string lineHash(const Finding &F, SourceFiles &Sources);

/// File relative to Root (absolute) when it lies under it, else as is.
std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_FINGERPRINT_H
