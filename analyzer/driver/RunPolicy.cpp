//===- RunPolicy.cpp - What a run's options mean, checked before it starts ===//

#include "driver/RunPolicy.h"

#include <algorithm>

namespace brisk {

using namespace llvm;

static Error error(const Twine &T) {
  return createStringError(inconvertibleErrorCode(), T);
}

Expected<RunPolicy> checkRunOptions(const CheckOptions &O) {
  if (O.Format != "text" && O.Format != "json" && O.Format != "sarif")
    return error("unknown --format '" + O.Format +
                 "' (expected text, json or sarif)");
  RunPolicy P;
  P.NeverFail = O.FailOn == "never";
  std::optional<Severity> FailLevel =
      P.NeverFail ? Severity::Error : parseSeverity(O.FailOn);
  if (!FailLevel)
    return error("unknown --fail-on '" + O.FailOn +
                 "' (expected note, warning, error or never)");
  P.FailLevel = *FailLevel;
  if (O.MaxConcurrency && *O.MaxConcurrency == 0)
    return error("--max-concurrency must be at least 1");
  if (!O.HeaderFilter.empty()) {
    P.HeaderFilter.emplace(O.HeaderFilter);
    std::string Why;
    if (!P.HeaderFilter->isValid(Why))
      return error("--header-filter '" + O.HeaderFilter + "': " + Why);
  }
  if (!O.Shard.empty()) {
    auto S = parseShard(O.Shard);
    if (!S)
      return S.takeError();
    P.Shard = *S;
  }
  bool Shard = P.Shard.has_value();
  if (Shard && O.LinkOnly)
    return error("--shard and --link-only are separate steps: run each "
                 "shard, then link their caches");
  if (O.NoCache && (Shard || O.LinkOnly || !O.CacheDirs.empty()))
    return error(Twine("--no-cache contradicts ") + (Shard ? "--shard"
                                                     : O.LinkOnly
                                                         ? "--link-only"
                                                         : "--cache-dir"));
  if (O.CacheDirs.size() > 1 && !O.LinkOnly)
    return error("--cache-dir is given " + Twine(O.CacheDirs.size()) +
                 " times; several caches are read only with --link-only");
  if (Shard)
    if (const char *Reporting = !O.SourcePaths.empty()       ? "FILEs"
                                : O.Fix                      ? "--fix"
                                : !O.ExportFixesPath.empty() ? "--export-fixes"
                                : !O.BaselinePath.empty()    ? "--baseline"
                                : !O.WriteBaselinePath.empty()
                                    ? "--write-baseline"
                                    : nullptr)
      return error(Twine("--shard reports nothing; give ") + Reporting +
                   " to the --link-only step");
  return std::move(P);
}

int RunPolicy::exitCode(ArrayRef<Finding> Findings, unsigned ReportedErrors,
                        bool AllowCompileErrors) const {
  if (NeverFail)
    return 0;
  bool Failed =
      std::any_of(Findings.begin(), Findings.end(),
                  [&](const Finding &F) { return F.Level >= FailLevel; });
  return Failed || (ReportedErrors && !AllowCompileErrors) ? 1 : 0;
}

} // namespace brisk
