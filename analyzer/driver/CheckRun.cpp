//===- CheckRun.cpp - One brisk-check run, from options to exit code ------===//

#include "driver/CheckRun.h"

#include "driver/CachedExtraction.h"
#include "driver/CheckData.h"
#include "driver/CompileErrors.h"
#include "driver/ConfigDiscovery.h"
#include "driver/DatabaseLoading.h"
#include "driver/FilesMode.h"
#include "driver/PerFileRules.h"
#include "driver/Reporting.h"
#include "driver/RuleListing.h"
#include "driver/RunPolicy.h"
#include "model/ProgramModel.h"
#include "model/Reachability.h"
#include "model/WriteEffects.h"
#include "report/Baseline.h"
#include "report/Finding.h"
#include "report/SourceFiles.h"
#include "report/Suppressions.h"
#include "rules/RuleRegistry.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

#include <map>
#include <optional>

namespace brisk {

namespace {

using namespace llvm;

class Run {
public:
  Run(const CheckOptions &O, raw_ostream &Out, raw_ostream &Err)
      : O(O), Out(Out), Err(Err) {}

  CheckResult run() {
    CheckResult R;
    R.ExitCode = runOrFail(R);
    return R;
  }

private:
  int fail(const Twine &Message) {
    Err << "brisk-check: error: " << Message << "\n";
    return 2;
  }

  int runOrFail(CheckResult &Result);
  int listRulesFor(const ConfigChain &Chain);

  const CheckOptions &O;
  raw_ostream &Out;
  raw_ostream &Err;
};

/// The config files a run reads: the --config file alone, or every
/// .brisk.json that applies to one of Files, each chain root first and each
/// file once.
Expected<ConfigChain> runConfigs(ConfigDiscovery &Discovery,
                                 const ConfigChain &Explicit,
                                 ArrayRef<std::string> Files) {
  if (!Explicit.empty())
    return Explicit;
  ConfigChain Out;
  for (const std::string &F : Files) {
    auto Chain = Discovery.chainFor(F);
    if (!Chain)
      return Chain.takeError();
    for (const NamedConfig *C : *Chain)
      if (!llvm::is_contained(Out, C))
        Out.push_back(C);
  }
  return Out;
}

int Run::runOrFail(CheckResult &Result) {
  auto Policy = checkRunOptions(O);
  if (!Policy)
    return fail(toString(Policy.takeError()));
  std::optional<ShardSpec> Shard = Policy->Shard;

  // --config names the one config file; otherwise each file's .brisk.json
  // is discovered.
  ConfigDiscovery Discovery;
  NamedConfig ExplicitConfig;
  ConfigChain Explicit;
  if (!O.ConfigPath.empty()) {
    auto Config = loadCheckConfig(O.ConfigPath);
    if (!Config)
      return fail(toString(Config.takeError()));
    ExplicitConfig = {O.ConfigPath, std::move(*Config)};
    Explicit.push_back(&ExplicitConfig);
  }
  if (O.DumpConfig || O.ListRules) {
    std::string Here = O.SourcePaths.empty() ? "." : O.SourcePaths.front();
    if (O.DumpConfig && !sys::fs::exists(Here))
      return fail("--dump-config: '" + Here + "' does not exist");
    auto Chain = runConfigs(Discovery, Explicit, {Here});
    if (!Chain)
      return fail(toString(Chain.takeError()));
    if (O.DumpConfig) {
      dumpConfig(*Chain, Out);
      return 0;
    }
    return listRulesFor(*Chain);
  }

  auto Loaded = loadDatabase(O, Err);
  if (!Loaded)
    return fail(toString(Loaded.takeError()));
  std::vector<std::string> Files = std::move(Loaded->Files);
  if (Shard)
    Files = shardFiles(Files, *Shard);

  auto Configs = runConfigs(Discovery, Explicit, Files);
  if (!Configs)
    return fail(toString(Configs.takeError()));
  auto Data = loadCheckData(O.RulesDir, *Configs);
  if (!Data)
    return fail(toString(Data.takeError()));
  // Discovered configs select rules per file (PerFileRules): the program is
  // checked with what any of them may want.
  bool PerFile = Explicit.empty() && !Configs->empty();
  RuleContext Context;
  Context.Sites = &Data->Sites;
  Context.Credentials = &Data->Credentials;
  Context.MaxConcurrency =
      O.MaxConcurrency.value_or(Data->MaxConcurrency.value_or(1));
  if (PerFile && !O.MaxConcurrency)
    for (const NamedConfig *C : *Configs)
      Context.MaxConcurrency = std::max(Context.MaxConcurrency,
                                        C->Config.MaxConcurrency.value_or(1));
  std::vector<std::unique_ptr<Rule>> All = createAllRules(Context);
  std::vector<std::string> RuleLists;
  if (!PerFile)
    RuleLists = Data->RuleLists;
  if (!O.RuleList.empty())
    RuleLists.push_back(O.RuleList);
  auto Enabled = selectRules(All, RuleLists);
  if (!Enabled)
    return fail(toString(Enabled.takeError()));
  std::map<std::string, Severity> Severities;
  if (!PerFile) {
    auto Overrides = severityOverrides(All, Data->Severities);
    if (!Overrides)
      return fail(O.ConfigPath + ": " + toString(Overrides.takeError()));
    Severities = std::move(*Overrides);
  }
  std::vector<const Rule *> Selected;
  for (size_t I = 0; I < All.size(); ++I)
    if ((*Enabled)[I])
      Selected.push_back(All[I].get());

  auto Extracted =
      extractWithCache(O, *Loaded->DB, Files, Data->catalogs(), Err);
  if (!Extracted)
    return fail(toString(Extracted.takeError()));
  Result.Crashed = Extracted->Crashes > 0;
  if (Shard)
    return 0; // the link step reports
  RunStats Stats;
  Stats.TranslationUnits = Files.size();
  Stats.ParseErrors = Extracted->ParseErrors;
  Stats.CacheHits = Extracted->CacheHits;

  CanonicalPaths Paths;
  FileSelection Selection =
      selectFiles(O.SourcePaths, Files, Extracted->UserFilesRead, Paths);
  if (!O.Quiet)
    for (const std::string &Skipped : Selection.Skipped)
      Err << "brisk-check: note: '" << Skipped
          << "' is neither in the compilation database nor included by any "
             "of its translation units; skipped\n";
  unsigned ReportedErrors =
      reportCompileErrors(*Extracted, Selection, O.Quiet, Err);
  StringSet<> MainFiles;
  for (const std::string &F : Files)
    MainFiles.insert(Paths.get(F));

  std::vector<Finding> Findings;
  {
    std::string NoHandler = explainNoHandler(*Extracted);
    std::vector<std::string> Handlers = Data->Handlers;
    Handlers.insert(Handlers.end(), O.HandlerNames.begin(),
                    O.HandlerNames.end());
    auto Model = ProgramModel::build(std::move(Extracted->Summaries), Handlers);
    if (!Model)
      return fail(toString(Model.takeError()));
    Stats.Handlers = Model->handlers().size();
    Stats.UntracedCalls = Model->untracedCalls();
    if (Stats.Handlers == 0)
      Err << NoHandler;
    Reachability Reach = Reachability::compute(*Model);
    WriteEffects Writes = WriteEffects::compute(*Model);
    Analysis A{*Model, Reach, Writes};
    FindingCollector Collector(rulePrecedence(All));
    for (const Rule *R : Selected)
      R->check(A, Collector);
    Findings = Collector.take();
  }
  std::erase_if(Findings, [&](const Finding &F) {
    const std::string &File = Paths.get(F.Loc.File);
    if (!Selection.reports(File))
      return true;
    // A header the user named is reported whatever the filter says.
    const std::optional<Regex> &HeaderFilter = Policy->HeaderFilter;
    return HeaderFilter && !MainFiles.contains(File) &&
           !Selection.Files.contains(File) && !HeaderFilter->match(F.Loc.File);
  });
  SourceFiles Sources;
  Findings = applySuppressions(std::move(Findings), Sources);
  if (PerFile) {
    PerFileRules Rules(Discovery, Context, O.RuleList, O.MaxConcurrency);
    if (auto E = Rules.apply(Findings))
      return fail(toString(std::move(E)));
  }
  for (Finding &F : Findings)
    if (auto It = Severities.find(F.Rule); It != Severities.end())
      F.Level = It->second;
  if (!O.WarningsAsErrors.empty()) {
    auto AsErrors = selectRules(All, {"-*," + O.WarningsAsErrors});
    if (!AsErrors)
      return fail("--warnings-as-errors: " + toString(AsErrors.takeError()));
    for (Finding &F : Findings)
      for (size_t I = 0; I < All.size(); ++I)
        if ((*AsErrors)[I] && All[I]->id() == F.Rule)
          F.Level = Severity::Error;
  }
  sortFindings(Findings);
  std::string Root = sourceRoot();
  if (!O.WriteBaselinePath.empty())
    if (auto E = writeBaseline(Findings, Root, Sources, O.WriteBaselinePath))
      return fail("cannot write baseline '" + O.WriteBaselinePath +
                  "': " + toString(std::move(E)));
  if (!O.BaselinePath.empty()) {
    auto Known = applyBaseline(Findings, Root, Sources, O.BaselinePath);
    if (!Known)
      return fail(toString(Known.takeError()));
    if (*Known && !O.Quiet)
      Err << "brisk-check: " << *Known << " finding"
          << (*Known == 1 ? " is" : "s are") << " in the baseline '"
          << O.BaselinePath << "'; not reported\n";
  }

  if (O.Stats)
    Err << "brisk-check: translation units: " << Stats.TranslationUnits
        << " (from the cache: " << Stats.CacheHits
        << "), handlers: " << Stats.Handlers
        << ", findings: " << Findings.size()
        << ", calls through function values not traced: " << Stats.UntracedCalls
        << "\n";

  int Verdict =
      Policy->exitCode(Findings, ReportedErrors, O.AllowCompileErrors);
  if (O.OnFindings) {
    O.OnFindings(std::move(Findings));
    return Verdict;
  }
  std::string DocsUrl = O.DocsUrl.empty() ? Data->DocsUrl : O.DocsUrl;
  if (auto E =
          writeReport(O, Findings, Stats, describeRules(Selected, Severities),
                      DocsUrl, Sources, Out))
    return fail(toString(std::move(E)));
  if (auto E = writeFixes(O, Findings, Sources, Err))
    return fail(toString(std::move(E)));
  return Verdict;
}

int Run::listRulesFor(const ConfigChain &Chain) {
  auto Data = loadCheckData(O.RulesDir, Chain);
  if (!Data)
    return fail(toString(Data.takeError()));
  RuleContext Context;
  Context.Sites = &Data->Sites;
  Context.Credentials = &Data->Credentials;
  Context.MaxConcurrency =
      O.MaxConcurrency.value_or(Data->MaxConcurrency.value_or(1));
  std::vector<std::unique_ptr<Rule>> All = createAllRules(Context);
  std::vector<std::string> RuleLists = Data->RuleLists;
  if (!O.RuleList.empty())
    RuleLists.push_back(O.RuleList);
  auto Enabled = selectRules(All, RuleLists);
  if (!Enabled)
    return fail(toString(Enabled.takeError()));
  auto Overrides = severityOverrides(All, Data->Severities);
  if (!Overrides)
    return fail((Chain.empty() ? "" : Chain.back()->Path + ": ") +
                toString(Overrides.takeError()));
  listRules(All, *Enabled, *Overrides, Out);
  return 0;
}

} // namespace

CheckResult runCheck(const CheckOptions &Options, raw_ostream &Out,
                     raw_ostream &Err) {
  return Run(Options, Out, Err).run();
}

} // namespace brisk
