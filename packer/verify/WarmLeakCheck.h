//===- WarmLeakCheck.h - Growth across warm invocations -------------------===//
//
// The run-time twin of brisk-check's unbounded-global-growth, tmp-file-leak
// and stateful-global: given what the sandbox held after each of N
// invocations of the same event, fit each resource's growth per invocation
// and flag it when the environment would run out within a plausible warm
// lifetime; and notice when identical events got different answers.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_WARMLEAKCHECK_H
#define BRISK_PACKER_VERIFY_WARMLEAKCHECK_H

#include "verify/ResourceSampler.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// Invocations one warm environment plausibly serves before Lambda recycles
/// it; growth that exhausts a limit within them is flagged.
constexpr uint64_t WarmLifetimeInvocations = 10000;

/// The fewest samples a slope is fitted to.
constexpr size_t MinimumSamplesForTrend = 3;

/// When N invocations show growth, the environment gets more, up to N times
/// this factor and at least MinimumConfirmation in all (within
/// ConfirmationBudget), and the trend of the later half decides: a warm-up
/// (JIT tiers, a garbage-collected heap settling) stops, a leak does not.
constexpr unsigned ConfirmationFactor = 5;
constexpr unsigned MinimumConfirmation = 200;
constexpr std::chrono::seconds ConfirmationBudget{30};

enum class Resource { Memory, Descriptors, Threads, Tmp };

llvm::StringRef resourceName(Resource R); // "memory", "descriptors", ...
bool isByteCount(Resource R);

struct ResourceTrend {
  Resource What = Resource::Memory;
  double Last = 0;  // after the last invocation
  double Limit = 0; // what the environment has
  /// Growth per invocation: the median of the slopes between every pair of
  /// samples (Theil-Sen), so a one-time step such as a lazily built cache
  /// does not read as a trend, while steady growth does.
  double Slope = 0;
  bool Flagged = false;
  /// Flagged: the invocation count (from the first) at which Limit is
  /// reached at this slope; the last sampled one when it already is.
  uint64_t ExhaustedAt = 0;
};

struct WarmLeakLimits {
  uint64_t MemoryBytes = 128ull << 20;
  uint64_t Descriptors = 1024;
  uint64_t Threads = 1024;
  uint64_t TmpBytes = 512ull << 20;
};

struct WarmLeakResult {
  std::vector<ResourceTrend> Trends; // empty: too few samples
  /// The samples the trends were fitted to: [FittedFrom, Samples).
  size_t FittedFrom = 0, Samples = 0;
  /// 0-based index of the first answer that differs from the first one.
  std::optional<size_t> DifferentAnswer;

  bool leaks() const;
};

/// Median pairwise slope of Values against 1..N.
double theilSenSlope(llvm::ArrayRef<double> Values);

/// The trend of one resource over its samples, the last of which was taken
/// after invocation \p LastInvocation.
ResourceTrend assessTrend(Resource What, llvm::ArrayRef<double> Values,
                          double Limit, uint64_t LastInvocation);

/// Every resource's trend over \p Samples (one per invocation) from index
/// \p FitFrom on, and the comparison of all answers, given as digests of
/// their bodies (one per invocation of the same event).
WarmLeakResult checkWarmLeaks(llvm::ArrayRef<ResourceSample> Samples,
                              llvm::ArrayRef<uint64_t> AnswerDigests,
                              const WarmLeakLimits &Limits, size_t FitFrom = 0);

} // namespace brisk

#endif
