//===- VerifyReport.h - What verify prints and writes ---------------------===//
//
// The text verdict of each function (init time, durations, the response
// truncated, the warm-leak check, files never opened) and the JSON report
// --report writes, with every sample and every unopened file.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_VERIFYREPORT_H
#define BRISK_PACKER_VERIFY_VERIFYREPORT_H

#include "verify/FunctionVerification.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

/// "0 B", "512 B", "64.0 KiB", "5.3 MiB".
std::string formatBytes(double Bytes);

/// At most \p Limit bytes of \p Text, on one line, saying how long it was
/// (\p Bytes, when Text is already a prefix of something longer).
std::string truncateForDisplay(llvm::StringRef Text, size_t Bytes,
                               size_t Limit = 200);

void printVerdict(const FunctionVerdict &V, llvm::raw_ostream &OS);

/// The --report document (version 1), ending with a newline.
std::string renderVerifyReport(llvm::ArrayRef<FunctionVerdict> Verdicts,
                               const Event &Payload, unsigned Invocations);

} // namespace brisk

#endif
