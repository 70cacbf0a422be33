//===- FunctionVerification.h - Prove that one packed function starts -----===//
//
// One function of a brisk-pack output, in its own execution environment:
// init, then the same event N times to the warm environment, sampling the
// sandbox after each; the verdict says whether it started and answered, why
// not, and what the warm-leak check and the open-file watch found.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_FUNCTIONVERIFICATION_H
#define BRISK_PACKER_VERIFY_FUNCTIONVERIFICATION_H

#include "verify/EventLibrary.h"
#include "verify/ExecutionEnvironment.h"
#include "verify/ManifestReader.h"
#include "verify/WarmLeakCheck.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// How much of each answer's body verify keeps for its output and report.
constexpr size_t KeptAnswerBytes = 1024;

struct VerifySettings {
  unsigned Invocations = 20;
  /// --expect: the response every invocation must give (compared as JSON
  /// when both are JSON), and the file it came from.
  std::optional<std::string> Expected;
  std::string ExpectFile;
  WarmLeakLimits Limits;
};

struct FunctionVerdict {
  std::string Name;
  std::string Runtime;
  std::string EmulatedWith; // the host interpreter, for managed runtimes
  bool Passed = true;
  std::string Reason; // why it failed
  std::string Log;    // the function's last output, when it failed
  std::optional<double> InitMs;
  /// One per answered invocation, each body cut to KeptAnswerBytes: with
  /// hundreds of invocations of a large response, memory stays bounded.
  std::vector<RuntimeAnswer> Answers;
  std::vector<uint64_t> AnswerDigests; // of the whole bodies
  std::vector<size_t> AnswerBytes;     // their whole sizes
  std::vector<ResourceSample> Samples;
  WarmLeakResult Leaks;
  /// Non-zero when the first invocations showed growth and verify went on
  /// to tell a warm-up from a leak: how many invocations that was.
  unsigned SuspectedAfter = 0;
  bool Watched = false, WatchOverflowed = false;
  std::vector<UnopenedFile> Unopened;
};

/// The error document's "Type: message", from its JSON (errorType,
/// errorMessage) or, failing that, the header and the raw body.
std::string describeFunctionError(const RuntimeAnswer &Answer);

/// Verifies \p Fn. An error only for bad input (see
/// ExecutionEnvironment::create) or a sandbox that cannot start.
llvm::Expected<FunctionVerdict>
verifyFunction(const ManifestFunction &Fn, const Event &Payload,
               const EnvironmentOptions &Environment,
               const VerifySettings &Settings, llvm::raw_ostream &Warnings);

} // namespace brisk

#endif
