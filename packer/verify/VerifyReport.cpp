//===- VerifyReport.cpp - What verify prints and writes -------------------===//

#include "verify/VerifyReport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace llvm;

namespace brisk {

std::string formatBytes(double Bytes) {
  const char *Units[] = {"B", "KiB", "MiB", "GiB"};
  int U = 0;
  double Magnitude = std::abs(Bytes);
  while (Magnitude >= 1024 && U < 3) {
    Bytes /= 1024;
    Magnitude /= 1024;
    ++U;
  }
  if (U == 0 || Bytes == std::trunc(Bytes))
    return formatv("{0} {1}", int64_t(std::llround(Bytes)), Units[U]).str();
  return formatv("{0:F1} {1}", Bytes, Units[U]).str();
}

std::string truncateForDisplay(StringRef Text, size_t Bytes, size_t Limit) {
  std::string Line;
  for (char C : Text.take_front(Limit))
    Line += (C == '\n' || C == '\r') ? ' ' : C;
  if (Bytes > Limit)
    Line += formatv("... ({0} bytes)", Bytes).str();
  return Line;
}

static std::string amount(const ResourceTrend &T, double Value) {
  return isByteCount(T.What)
             ? formatBytes(Value)
             : formatv("{0}", int64_t(std::llround(Value))).str();
}

static std::string slope(const ResourceTrend &T) {
  const char *Sign = T.Slope < 0 ? "-" : "+";
  double Magnitude = std::abs(T.Slope);
  if (isByteCount(T.What))
    return formatv("{0}{1}", Sign, formatBytes(Magnitude)).str();
  if (Magnitude == std::trunc(Magnitude))
    return formatv("{0}{1}", Sign, int64_t(Magnitude)).str();
  return formatv("{0}{1:F1}", Sign, Magnitude).str();
}

static void printTrends(const FunctionVerdict &V, raw_ostream &OS) {
  if (V.Leaks.Trends.empty()) {
    OS << formatv("  warm-leak    not checked: {0} samples, {1} needed\n",
                  V.Samples.size(), MinimumSamplesForTrend);
    return;
  }
  OS << "  warm-leak    " << (V.Leaks.leaks() ? "FLAGGED" : "no leak")
     << " over " << V.Samples.size() << " invocations";
  if (V.SuspectedAfter)
    OS << formatv(" (grew over the first {0}{1}; fitted to the last {2})",
                  V.SuspectedAfter,
                  V.Leaks.leaks() ? "" : ", then stopped: a warm-up",
                  V.Leaks.Samples - V.Leaks.FittedFrom);
  OS << "\n";
  for (const ResourceTrend &T : V.Leaks.Trends) {
    OS << formatv("    {0,-12} {1}, {2} per invocation", resourceName(T.What),
                  amount(T, T.Last), slope(T));
    if (T.Flagged)
      OS << formatv(": {0} reached after about {1} invocations",
                    amount(T, T.Limit), T.ExhaustedAt);
    else
      OS << " (limit " << amount(T, T.Limit) << ")";
    OS << "\n";
  }
}

void printVerdict(const FunctionVerdict &V, raw_ostream &OS) {
  OS << V.Name << " (" << V.Runtime << "): " << (V.Passed ? "PASS" : "FAIL")
     << "\n";
  if (!V.EmulatedWith.empty())
    OS << "  runtime      emulated: the host's " << V.EmulatedWith
       << " stands in for AWS's " << V.Runtime << " runtime\n";
  if (!V.Passed)
    OS << "  reason       " << V.Reason << "\n";
  if (V.InitMs)
    OS << formatv("  init         {0:F1} ms\n", *V.InitMs);
  if (!V.Answers.empty()) {
    std::vector<double> Durations;
    for (const RuntimeAnswer &A : V.Answers)
      Durations.push_back(A.Milliseconds);
    std::sort(Durations.begin(), Durations.end());
    OS << formatv("  duration     {0:F2} ms median, {1:F2} ms max over {2} "
                  "invocations\n",
                  Durations[Durations.size() / 2], Durations.back(),
                  Durations.size());
    const RuntimeAnswer &Last = V.Answers.back();
    OS << (Last.Event == RuntimeEvent::Error ? "  error        "
                                             : "  response     ")
       << truncateForDisplay(Last.Body, V.AnswerBytes.back()) << "\n";
  }
  if (V.Passed || V.Leaks.leaks())
    printTrends(V, OS);
  if (V.Leaks.DifferentAnswer) {
    size_t K = *V.Leaks.DifferentAnswer;
    OS << formatv("  answers      differ between identical events: "
                  "invocation 1 got {0}, invocation {1} got {2}; unless "
                  "that is a time or an id, state is carried between "
                  "invocations\n",
                  truncateForDisplay(V.Answers[0].Body, V.AnswerBytes[0], 60),
                  K + 1,
                  truncateForDisplay(V.Answers[K].Body, V.AnswerBytes[K], 60));
  }
  // Files a failed start never reached say nothing about what is unused.
  if (V.Passed && V.Watched) {
    uint64_t Bytes = 0;
    for (const UnopenedFile &F : V.Unopened)
      Bytes += F.Bytes;
    if (V.WatchOverflowed)
      OS << "  never opened unknown: the kernel dropped file events\n";
    else
      OS << formatv("  never opened {0} files, {1}: pruning candidates, kept "
                    "(--report lists them)\n",
                    V.Unopened.size(), formatBytes(Bytes));
  }
  if (!V.Passed && !V.Log.empty()) {
    OS << "  log (last lines):\n";
    SmallVector<StringRef, 32> Lines;
    StringRef(V.Log).split(Lines, '\n', -1, false);
    size_t First = Lines.size() > 10 ? Lines.size() - 10 : 0;
    for (StringRef Line : ArrayRef<StringRef>(Lines).drop_front(First))
      OS << "    " << Line << "\n";
  }
}

std::string renderVerifyReport(ArrayRef<FunctionVerdict> Verdicts,
                               const Event &Payload, unsigned Invocations) {
  using nlohmann::ordered_json;
  ordered_json Root;
  Root["version"] = 1;
  Root["event"] = Payload.Label;
  Root["invocations"] = Invocations;
  Root["functions"] = ordered_json::array();
  for (const FunctionVerdict &V : Verdicts) {
    ordered_json F;
    F["name"] = V.Name;
    F["runtime"] = V.Runtime;
    F["emulated_with"] =
        V.EmulatedWith.empty() ? ordered_json() : ordered_json(V.EmulatedWith);
    F["passed"] = V.Passed;
    F["reason"] = V.Reason;
    F["init_ms"] = V.InitMs ? ordered_json(*V.InitMs) : ordered_json();
    ordered_json Answers = ordered_json::array();
    for (size_t I = 0; I < V.Answers.size(); ++I) {
      const RuntimeAnswer &A = V.Answers[I];
      Answers.push_back(
          {{"outcome", A.Event == RuntimeEvent::Error ? "error" : "response"},
           {"duration_ms", A.Milliseconds},
           {"bytes", V.AnswerBytes[I]},
           {"body", A.Body}});
    }
    F["answers"] = std::move(Answers);
    ordered_json Leak;
    Leak["flagged"] = V.Leaks.leaks();
    Leak["horizon_invocations"] = WarmLifetimeInvocations;
    Leak["suspected_after"] =
        V.SuspectedAfter ? ordered_json(V.SuspectedAfter) : ordered_json();
    Leak["fitted_from_invocation"] = V.Leaks.FittedFrom + 1;
    ordered_json Resources = ordered_json::array();
    for (const ResourceTrend &T : V.Leaks.Trends)
      Resources.push_back(
          {{"resource", resourceName(T.What)},
           {"last", T.Last},
           {"slope_per_invocation", T.Slope},
           {"limit", T.Limit},
           {"flagged", T.Flagged},
           {"exhausted_at",
            T.Flagged ? ordered_json(T.ExhaustedAt) : ordered_json()}});
    Leak["resources"] = std::move(Resources);
    ordered_json Samples = ordered_json::array();
    for (const ResourceSample &S : V.Samples)
      Samples.push_back({{"resident_bytes", S.ResidentBytes},
                         {"descriptors", S.Descriptors},
                         {"threads", S.Threads},
                         {"processes", S.Processes},
                         {"tmp_bytes", S.TmpBytes}});
    Leak["samples"] = std::move(Samples);
    Leak["different_answer_at"] =
        V.Leaks.DifferentAnswer ? ordered_json(*V.Leaks.DifferentAnswer + 1)
                                : ordered_json();
    F["warm_leak"] = std::move(Leak);
    if (V.Passed && V.Watched) {
      ordered_json Unopened = ordered_json::array();
      uint64_t Bytes = 0;
      for (const UnopenedFile &U : V.Unopened) {
        Unopened.push_back({{"path", U.Path}, {"bytes", U.Bytes}});
        Bytes += U.Bytes;
      }
      F["never_opened"] = {{"complete", !V.WatchOverflowed},
                           {"bytes", Bytes},
                           {"files", std::move(Unopened)}};
    }
    F["log"] = V.Log;
    Root["functions"].push_back(std::move(F));
  }
  return Root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

} // namespace brisk
