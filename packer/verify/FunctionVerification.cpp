//===- FunctionVerification.cpp - Prove that one packed function starts ---===//

#include "verify/FunctionVerification.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace llvm;

namespace brisk {

std::string describeFunctionError(const RuntimeAnswer &Answer) {
  nlohmann::json Doc = nlohmann::json::parse(Answer.Body, nullptr, false);
  std::string Type = Answer.ErrorType, Message = Answer.Body;
  if (Doc.is_object()) {
    auto T = Doc.find("errorType");
    auto M = Doc.find("errorMessage");
    if (T != Doc.end() && T->is_string())
      Type = T->get<std::string>();
    if (M != Doc.end() && M->is_string())
      Message = M->get<std::string>();
  }
  return Type.empty() ? Message : Type + ": " + Message;
}

/// Equal as JSON values when both are JSON, byte for byte otherwise.
static bool sameAnswer(const std::string &Got, const std::string &Want) {
  nlohmann::json G = nlohmann::json::parse(Got, nullptr, false);
  nlohmann::json W = nlohmann::json::parse(Want, nullptr, false);
  if (!G.is_discarded() && !W.is_discarded())
    return G == W;
  return Got == Want;
}

static std::string timeoutReason(std::chrono::milliseconds Timeout) {
  // Lambda's own words.
  return formatv("Task timed out after {0:F2} seconds",
                 Timeout.count() / 1000.0)
      .str();
}

Expected<FunctionVerdict> verifyFunction(const ManifestFunction &Fn,
                                         const Event &Payload,
                                         const EnvironmentOptions &Environment,
                                         const VerifySettings &Settings,
                                         raw_ostream &Warnings) {
  FunctionVerdict V;
  V.Name = Fn.Name;
  V.Runtime = Fn.Runtime;
  Expected<std::unique_ptr<ExecutionEnvironment>> Env =
      ExecutionEnvironment::create(Fn, Environment, Warnings);
  if (!Env)
    return Env.takeError();
  ExecutionEnvironment &E = **Env;
  V.EmulatedWith = E.emulatedWith();
  auto Fail = [&](std::string Reason) {
    V.Passed = false;
    V.Reason = std::move(Reason);
  };

  Expected<RuntimeAnswer> Init = E.init();
  if (!Init)
    return Init.takeError();
  switch (Init->Event) {
  case RuntimeEvent::Ready:
    V.InitMs = Init->Milliseconds;
    break;
  case RuntimeEvent::InitError:
    Fail("init error: " + describeFunctionError(*Init));
    break;
  case RuntimeEvent::TimedOut:
    Fail(formatv("init did not finish within {0} seconds, Lambda's init "
                 "limit",
                 InitLimit.count()));
    break;
  default:
    Fail(E.exitReason());
  }

  using Clock = std::chrono::steady_clock;
  auto Invoke = [&](unsigned From, unsigned To, Clock::time_point Until) {
    for (unsigned I = From; V.Passed && I <= To && Clock::now() < Until; ++I) {
      RuntimeAnswer A = E.invoke(Payload.Payload, I);
      std::string Which = formatv("invocation {0}: ", I).str();
      switch (A.Event) {
      case RuntimeEvent::Response:
        if (Settings.Expected && !sameAnswer(A.Body, *Settings.Expected))
          Fail(Which + "the response is not the one in " + Settings.ExpectFile);
        break;
      case RuntimeEvent::Error:
        Fail(Which +
             "the function returned an error: " + describeFunctionError(A));
        break;
      case RuntimeEvent::TimedOut:
        Fail(Which + timeoutReason(Environment.Timeout));
        break;
      default:
        Fail(Which + E.exitReason());
      }
      if (A.Event == RuntimeEvent::Response || A.Event == RuntimeEvent::Error) {
        V.AnswerDigests.push_back(xxh3_64bits(A.Body));
        V.AnswerBytes.push_back(A.Body.size());
        A.Body.resize(std::min(A.Body.size(), KeptAnswerBytes));
        V.Answers.push_back(std::move(A));
      }
      if (!V.Passed)
        break;
      if (std::optional<ResourceSample> S = E.sampleWhenIdle())
        V.Samples.push_back(*S);
    }
  };
  auto Check = [&](size_t FitFrom) {
    V.Leaks =
        checkWarmLeaks(V.Samples, V.AnswerDigests, Settings.Limits, FitFrom);
  };

  Invoke(1, Settings.Invocations, Clock::time_point::max());
  if (V.Passed) {
    Check(0);
    // Runtimes warm up: JIT tiers, heaps and caches grow over the first
    // invocations and then stop. Growth is only a leak if it goes on, so
    // the suspect environment gets more invocations and is judged on the
    // later half of them.
    if (V.Leaks.leaks()) {
      V.SuspectedAfter = Settings.Invocations;
      Invoke(Settings.Invocations + 1,
             std::max(Settings.Invocations * ConfirmationFactor,
                      MinimumConfirmation),
             Clock::now() + ConfirmationBudget);
      if (V.Passed)
        Check(V.Samples.size() / 2);
    }
  }
  E.shutdown();

  if (V.Passed) {
    if (V.Leaks.leaks()) {
      std::vector<std::string> Names;
      for (const ResourceTrend &T : V.Leaks.Trends)
        if (T.Flagged)
          Names.push_back(resourceName(T.What).str());
      Fail(formatv("warm leak: {0} would run out within {1} invocations",
                   join(Names, ", "), WarmLifetimeInvocations));
    }
  } else {
    V.Log = E.logTail();
  }
  if (const OpenWatcher *W = E.openWatch()) {
    V.Watched = true;
    V.WatchOverflowed = W->overflowed();
    V.Unopened = W->unopened();
  }
  return V;
}

} // namespace brisk
