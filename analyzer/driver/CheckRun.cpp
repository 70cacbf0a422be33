//===- CheckRun.cpp - One brisk-check run, from options to exit code ------===//

#include "driver/CheckRun.h"

#include "cache/SummaryCache.h"
#include "driver/CheckData.h"
#include "driver/CompileDatabase.h"
#include "driver/CompileErrors.h"
#include "driver/ConfigDiscovery.h"
#include "driver/FilesMode.h"
#include "driver/PerFileRules.h"
#include "driver/Progress.h"
#include "driver/RuleListing.h"
#include "driver/Shards.h"
#include "extract/Extractor.h"
#include "model/ProgramModel.h"
#include "model/Reachability.h"
#include "model/WriteEffects.h"
#include "report/Baseline.h"
#include "report/Finding.h"
#include "report/Fixes.h"
#include "report/JsonEmitter.h"
#include "report/RuleDocs.h"
#include "report/SarifEmitter.h"
#include "report/SourceFiles.h"
#include "report/Suppressions.h"
#include "report/TextEmitter.h"
#include "rules/RuleRegistry.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <algorithm>

namespace brisk {

namespace {

using namespace llvm;

std::string normalise(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

Error error(const Twine &T) {
  return createStringError(inconvertibleErrorCode(), T);
}

/// clang-tidy habits: -p names the build folder, or the database itself.
/// What is skipped of it is said on Notes.
Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(StringRef Path, raw_ostream &Notes) {
  if (!sys::fs::exists(Path))
    return error("build folder '" + Path + "' does not exist");
  SmallString<256> File(Path);
  if (sys::fs::is_directory(Path))
    sys::path::append(File, "compile_commands.json");
  if (!sys::fs::exists(File))
    return error("no compilation database: '" + File + "' does not exist");
  std::string Message;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      File, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return error("cannot load compilation database '" + File + "': " + Message);
  if (DB->getAllFiles().empty())
    return error("compilation database '" + File +
                 "' lists no translation units");
  SmallString<256> Dir(File);
  sys::fs::make_absolute(Dir);
  sys::path::remove_filename(Dir);
  auto Resolved = std::make_unique<ResolvedDatabase>(*DB, Dir, Notes);
  if (Resolved->getAllFiles().empty())
    return error("compilation database '" + File +
                 "' lists no C or C++ file that exists");
  return Resolved;
}

/// The folder holding the database: -p names it or the file itself.
std::string databaseDir(StringRef Path) {
  SmallString<256> Dir(normalise(Path));
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  return std::string(Dir);
}

/// Summaries of unchanged TUs are kept next to the database they came from,
/// as clangd keeps .cache/clangd, unless --cache-dir says where.
std::string cacheDir(const CheckOptions &O) {
  if (!O.CacheDirs.empty())
    return normalise(O.CacheDirs.front());
  SmallString<256> Dir(databaseDir(O.BuildPath));
  sys::path::append(Dir, ".brisk-cache");
  return std::string(Dir);
}

/// SARIF locations are relative to the repository holding the current
/// directory (the nearest folder with .git), or to the current directory.
std::string sourceRoot() {
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return "";
  for (StringRef Dir = Cwd; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      return Dir.str();
  }
  return std::string(Cwd);
}

std::vector<RuleDescription>
describeRules(ArrayRef<const Rule *> Rules,
              const std::map<std::string, Severity> &Severities) {
  std::vector<RuleDescription> Out;
  for (const Rule *R : Rules) {
    auto It = Severities.find(R->id().str());
    RuleDescription D;
    D.Id = R->id().str();
    D.Level = It == Severities.end() ? R->defaultSeverity() : It->second;
    D.Summary = R->summary().str();
    D.Description = R->description().str();
    D.DocsPath = R->docsPath().str();
    if (std::optional<StringRef> Page = ruleDocsPage(R->docsPath())) {
      D.HelpMarkdown = Page->str();
      D.HelpText = markdownToText(*Page);
    }
    Out.push_back(std::move(D));
  }
  Out.push_back({"nolint", Severity::Error,
                 "unpaired NOLINTBEGIN or NOLINTEND comment",
                 "A NOLINTBEGIN comment without a matching NOLINTEND after it, "
                 "or a NOLINTEND without a NOLINTBEGIN before it, suppresses "
                 "nothing.",
                 "brisk-check.md", "", ""});
  return Out;
}

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
  int emit(ArrayRef<Finding> Findings, const RunStats &Stats,
           ArrayRef<const Rule *> Rules, SourceFiles &Sources);
  int fixes(ArrayRef<Finding> Findings, SourceFiles &Sources);

  const CheckOptions &O;
  raw_ostream &Out;
  raw_ostream &Err;
  std::map<std::string, Severity> Severities;
  std::string DocsUrl; // --docs-url, else the config's
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
  if (O.Format != "text" && O.Format != "json" && O.Format != "sarif")
    return fail("unknown --format '" + O.Format +
                "' (expected text, json or sarif)");
  bool NeverFail = O.FailOn == "never";
  std::optional<Severity> FailLevel =
      NeverFail ? Severity::Error : parseSeverity(O.FailOn);
  if (!FailLevel)
    return fail("unknown --fail-on '" + O.FailOn +
                "' (expected note, warning, error or never)");
  if (O.MaxConcurrency && *O.MaxConcurrency == 0)
    return fail("--max-concurrency must be at least 1");
  std::optional<Regex> HeaderFilter;
  if (!O.HeaderFilter.empty()) {
    HeaderFilter.emplace(O.HeaderFilter);
    std::string Why;
    if (!HeaderFilter->isValid(Why))
      return fail("--header-filter '" + O.HeaderFilter + "': " + Why);
  }
  std::optional<ShardSpec> Shard;
  if (!O.Shard.empty()) {
    auto S = parseShard(O.Shard);
    if (!S)
      return fail(toString(S.takeError()));
    Shard = *S;
  }
  if (Shard && O.LinkOnly)
    return fail("--shard and --link-only are separate steps: run each shard, "
                "then link their caches");
  if (O.NoCache && (Shard || O.LinkOnly || !O.CacheDirs.empty()))
    return fail(Twine("--no-cache contradicts ") + (Shard ? "--shard"
                                                    : O.LinkOnly
                                                        ? "--link-only"
                                                        : "--cache-dir"));
  if (O.CacheDirs.size() > 1 && !O.LinkOnly)
    return fail("--cache-dir is given " + Twine(O.CacheDirs.size()) +
                " times; several caches are read only with --link-only");
  // A shard reports nothing: what selects or writes a report belongs to the
  // link step.
  if (Shard)
    if (const char *Reporting = !O.SourcePaths.empty()   ? "FILEs"
                                : O.Fix                  ? "--fix"
                                : !O.ExportFixesPath.empty() ? "--export-fixes"
                                : !O.BaselinePath.empty()    ? "--baseline"
                                : !O.WriteBaselinePath.empty()
                                    ? "--write-baseline"
                                    : nullptr)
      return fail(Twine("--shard reports nothing; give ") + Reporting +
                  " to the --link-only step");

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

  if (O.BuildPath.empty())
    return fail("no compilation database: pass -p BUILD_DIR (the folder "
                "holding compile_commands.json)");
  auto Loaded = loadDatabase(O.BuildPath, Err);
  if (!Loaded)
    return fail(toString(Loaded.takeError()));
  // --extra-arg(-before) reach every command, the cache key included.
  clang::tooling::ArgumentsAdjustingCompilations DB(std::move(*Loaded));
  using clang::tooling::ArgumentInsertPosition;
  if (!O.ExtraArgsBefore.empty())
    DB.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        O.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!O.ExtraArgs.empty())
    DB.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        O.ExtraArgs, ArgumentInsertPosition::END));
  std::vector<std::string> Files;
  for (const std::string &F : DB.getAllFiles())
    Files.push_back(normalise(F));
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
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

  ExtractOptions Options;
  Options.Jobs = O.Jobs;
  Options.Data = Data->catalogs();
  if (!O.NoCache)
    Options.CacheDir = cacheDir(O);
  if (O.LinkOnly)
    for (const std::string &Dir :
         O.CacheDirs.empty() ? std::vector<std::string>{Options.CacheDir}
                             : O.CacheDirs)
      for (std::string &Each : SummaryCache::withSubfolders(normalise(Dir)))
        Options.LinkFrom.push_back(std::move(Each));
  std::optional<Progress> Shown;
  if (O.ShowProgress) {
    Shown.emplace(Err, Files.size());
    Options.OnTUDone = [&](size_t I, const TUSummary &S, bool Cached) {
      Shown->done(Files[I], Cached, S.HadErrors);
    };
  }
  auto Extracted = extractSummaries(DB, Files, Options);
  if (Shown)
    Shown->finish();
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

  bool Failed =
      std::any_of(Findings.begin(), Findings.end(),
                  [&](const Finding &F) { return F.Level >= *FailLevel; });
  int Verdict =
      NeverFail ? 0 : Failed || (ReportedErrors && !O.AllowCompileErrors);
  if (O.OnFindings) {
    O.OnFindings(std::move(Findings));
    return Verdict;
  }
  DocsUrl = O.DocsUrl.empty() ? Data->DocsUrl : O.DocsUrl;
  if (int Code = emit(Findings, Stats, Selected, Sources))
    return Code;
  if (int Code = fixes(Findings, Sources))
    return Code;
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

int Run::emit(ArrayRef<Finding> Findings, const RunStats &Stats,
              ArrayRef<const Rule *> Rules, SourceFiles &Sources) {
  auto Emit = [&](raw_ostream &OS) {
    if (O.Format == "json")
      emitJson(Findings, Stats, OS);
    else if (O.Format == "sarif")
      emitSarif(Findings, describeRules(Rules, Severities), sourceRoot(),
                DocsUrl, Sources, OS);
    else
      emitText(Findings, Sources, OS);
    return Error::success();
  };
  if (O.OutputPath.empty()) {
    cantFail(Emit(Out));
    Out.flush();
  } else if (auto E = writeToOutput(O.OutputPath, Emit)) {
    return fail("cannot write '" + O.OutputPath +
                "': " + toString(std::move(E)));
  }
  return 0;
}

int Run::fixes(ArrayRef<Finding> Findings, SourceFiles &Sources) {
  if (!O.ExportFixesPath.empty())
    if (auto E = writeToOutput(O.ExportFixesPath, [&](raw_ostream &OS) {
          return exportFixes(Findings, databaseDir(O.BuildPath), Sources, OS);
        }))
      return fail("cannot export fixes to '" + O.ExportFixesPath +
                  "': " + toString(std::move(E)));
  if (O.Fix) {
    auto Changed = applyFixes(Findings, Sources);
    if (!Changed)
      return fail(toString(Changed.takeError()));
    if (*Changed)
      Err << "brisk-check: applied fix-its to " << *Changed
          << (*Changed == 1 ? " file\n" : " files\n");
  }
  return 0;
}

} // namespace

CheckResult runCheck(const CheckOptions &Options, raw_ostream &Out,
                     raw_ostream &Err) {
  return Run(Options, Out, Err).run();
}

} // namespace brisk
