//===- WarmLeakCheck.cpp - Growth across warm invocations -----------------===//

#include "verify/WarmLeakCheck.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>

using namespace llvm;

namespace brisk {

StringRef resourceName(Resource R) {
  switch (R) {
  case Resource::Memory:
    return "memory";
  case Resource::Descriptors:
    return "descriptors";
  case Resource::Threads:
    return "threads";
  case Resource::Tmp:
    return "/tmp";
  }
  return "";
}

bool isByteCount(Resource R) {
  return R == Resource::Memory || R == Resource::Tmp;
}

bool WarmLeakResult::leaks() const {
  return any_of(Trends, [](const ResourceTrend &T) { return T.Flagged; });
}

double theilSenSlope(ArrayRef<double> Values) {
  std::vector<double> Slopes;
  for (size_t I = 0; I < Values.size(); ++I)
    for (size_t J = I + 1; J < Values.size(); ++J)
      Slopes.push_back((Values[J] - Values[I]) / double(J - I));
  if (Slopes.empty())
    return 0;
  size_t Mid = Slopes.size() / 2;
  std::nth_element(Slopes.begin(), Slopes.begin() + Mid, Slopes.end());
  double Upper = Slopes[Mid];
  if (Slopes.size() % 2)
    return Upper;
  double Lower = *std::max_element(Slopes.begin(), Slopes.begin() + Mid);
  return (Lower + Upper) / 2;
}

ResourceTrend assessTrend(Resource What, ArrayRef<double> Values, double Limit,
                          uint64_t LastInvocation) {
  ResourceTrend T;
  T.What = What;
  T.Limit = Limit;
  if (Values.empty())
    return T;
  T.Last = Values.back();
  T.Slope = theilSenSlope(Values);
  if (T.Last >= Limit) {
    T.Flagged = true;
    T.ExhaustedAt = LastInvocation;
  } else if (T.Slope > 0 && LastInvocation < WarmLifetimeInvocations) {
    double More = std::ceil((Limit - T.Last) / T.Slope);
    if (More <= double(WarmLifetimeInvocations - LastInvocation)) {
      T.Flagged = true;
      T.ExhaustedAt = LastInvocation + uint64_t(More);
    }
  }
  return T;
}

WarmLeakResult checkWarmLeaks(ArrayRef<ResourceSample> Samples,
                              ArrayRef<uint64_t> AnswerDigests,
                              const WarmLeakLimits &Limits, size_t FitFrom) {
  WarmLeakResult Result;
  for (size_t I = 1; I < AnswerDigests.size(); ++I)
    if (AnswerDigests[I] != AnswerDigests[0]) {
      Result.DifferentAnswer = I;
      break;
    }
  Result.FittedFrom = std::min(FitFrom, Samples.size());
  Result.Samples = Samples.size();
  ArrayRef<ResourceSample> Fitted = Samples.drop_front(Result.FittedFrom);
  if (Fitted.size() < MinimumSamplesForTrend)
    return Result;
  auto Series = [&](uint64_t ResourceSample::*Field) {
    std::vector<double> Values;
    for (const ResourceSample &S : Fitted)
      Values.push_back(double(S.*Field));
    return Values;
  };
  uint64_t Last = Samples.size();
  Result.Trends = {
      assessTrend(Resource::Memory, Series(&ResourceSample::ResidentBytes),
                  Limits.MemoryBytes, Last),
      assessTrend(Resource::Descriptors, Series(&ResourceSample::Descriptors),
                  Limits.Descriptors, Last),
      assessTrend(Resource::Threads, Series(&ResourceSample::Threads),
                  Limits.Threads, Last),
      assessTrend(Resource::Tmp, Series(&ResourceSample::TmpBytes),
                  Limits.TmpBytes, Last)};
  return Result;
}

} // namespace brisk
