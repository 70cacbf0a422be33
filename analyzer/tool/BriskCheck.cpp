//===- BriskCheck.cpp - brisk-check command line --------------------------===//
//
// Loads the compilation database, extracts a summary per TU, links them into
// one program model, runs the selected rules from every handler, applies
// NOLINT suppressions and writes text or JSON. Exit codes (design.md): 0 no
// finding at or above --fail-on, 1 findings, 2 could not run.
//
//===----------------------------------------------------------------------===//

#include "catalog/InitCatalog.h"
#include "extract/Extractor.h"
#include "model/ProgramModel.h"
#include "model/Reachability.h"
#include "report/Finding.h"
#include "report/JsonEmitter.h"
#include "report/SarifEmitter.h"
#include "report/SourceFiles.h"
#include "report/Suppressions.h"
#include "report/TextEmitter.h"
#include "rules/CheckConfig.h"
#include "rules/RuleRegistry.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;
using namespace brisk;

static cl::OptionCategory BriskCheckCategory("brisk-check options");

static cl::opt<std::string>
    BuildPath("p", cl::desc("Build folder holding compile_commands.json"),
              cl::value_desc("BUILD_DIR"), cl::cat(BriskCheckCategory));
static cl::list<std::string> SourcePaths(cl::Positional, cl::desc("[FILE...]"),
                                         cl::cat(BriskCheckCategory));
static cl::opt<std::string> Format("format",
                                   cl::desc("Output format: text, json or "
                                            "sarif"),
                                   cl::value_desc("text|json|sarif"),
                                   cl::init("text"),
                                   cl::cat(BriskCheckCategory));
static cl::opt<std::string> OutputPath("o",
                                       cl::desc("Write the report to FILE"),
                                       cl::value_desc("FILE"),
                                       cl::cat(BriskCheckCategory));
static cl::opt<unsigned> Jobs("j",
                              cl::desc("Parallel jobs (default: all cores)"),
                              cl::init(0), cl::cat(BriskCheckCategory));
static cl::list<std::string>
    HandlerNames("handler",
                 cl::desc("Qualified name of a function that runs per "
                          "invocation (repeatable)"),
                 cl::value_desc("QUALIFIED_NAME"), cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    ConfigPath("config", cl::desc("JSON file: handlers, rules, init-catalog"),
               cl::value_desc("FILE"), cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    RuleList("rules",
             cl::desc("Comma-separated rule ids or globs; '-' disables"),
             cl::value_desc("LIST"), cl::cat(BriskCheckCategory));
static cl::opt<bool>
    NoCache("no-cache",
            cl::desc("Neither read nor write the summary cache "
                     "(BUILD_DIR/.brisk-cache)"),
            cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Lowest severity that makes the exit code 1: note, "
                    "warning or error"),
           cl::value_desc("note|warning|error"), cl::init("warning"),
           cl::cat(BriskCheckCategory));

static int fail(const Twine &Message) {
  errs() << "brisk-check: error: " << Message << "\n";
  return 2;
}

static std::string normalise(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// clang-tidy habits: -p names the build folder, or the database itself.
static Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(StringRef Path) {
  auto Error = [](const Twine &T) {
    return createStringError(inconvertibleErrorCode(), T);
  };
  if (!sys::fs::exists(Path))
    return Error("build folder '" + Path + "' does not exist");
  SmallString<256> File(Path);
  if (sys::fs::is_directory(Path))
    sys::path::append(File, "compile_commands.json");
  if (!sys::fs::exists(File))
    return Error("no compilation database: '" + File + "' does not exist");
  std::string Message;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      File, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return Error("cannot load compilation database '" + File + "': " + Message);
  if (DB->getAllFiles().empty())
    return Error("compilation database '" + File +
                 "' lists no translation units");
  return DB;
}

/// Summaries of unchanged TUs are kept next to the database they came from,
/// as clangd keeps .cache/clangd: -p names the folder or the file itself.
static std::string cacheDir(StringRef Path) {
  SmallString<256> Dir(normalise(Path));
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  sys::path::append(Dir, ".brisk-cache");
  return std::string(Dir);
}

/// SARIF locations are relative to the repository holding the current
/// directory (the nearest folder with .git), or to the current directory.
static std::string sourceRoot() {
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

static std::vector<RuleDescription>
describeRules(const std::vector<std::unique_ptr<Rule>> &Rules) {
  std::vector<RuleDescription> Out;
  for (const auto &R : Rules)
    Out.push_back({R->id().str(), R->defaultSeverity(), R->summary().str(),
                   R->description().str(), R->docsPath().str()});
  Out.push_back({"nolint", Severity::Error,
                 "unpaired NOLINTBEGIN or NOLINTEND comment",
                 "A NOLINTBEGIN comment without a matching NOLINTEND after it, "
                 "or a NOLINTEND without a NOLINTBEGIN before it, suppresses "
                 "nothing.",
                 "brisk-check.md"});
  return Out;
}

static std::string rulesDir(const char *Argv0) {
  std::string Exe =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&rulesDir));
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Dir, "share", "brisk", "rules");
  return std::string(Dir);
}

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(BriskCheckCategory);
  cl::SetVersionPrinter(
      [](raw_ostream &OS) { OS << "brisk-check " << BRISK_VERSION << "\n"; });
  if (!cl::ParseCommandLineOptions(Argc, Argv,
                                   "brisk-check: find per-invocation work in "
                                   "AWS Lambda handlers\n\n"
                                   "With FILEs, the whole database is still "
                                   "analysed and linked, and only findings "
                                   "located in those files are reported.\n",
                                   &errs()))
    return 2;

  if (Format != "text" && Format != "json" && Format != "sarif")
    return fail("unknown --format '" + Format +
                "' (expected text, json or sarif)");
  std::optional<Severity> FailLevel = parseSeverity(FailOn);
  if (!FailLevel)
    return fail("unknown --fail-on '" + FailOn +
                "' (expected note, warning or error)");
  if (BuildPath.empty())
    return fail("no compilation database: pass -p BUILD_DIR (the folder "
                "holding compile_commands.json)");

  auto DB = loadDatabase(BuildPath);
  if (!DB)
    return fail(toString(DB.takeError()));
  std::vector<std::string> Files;
  for (const std::string &F : (*DB)->getAllFiles())
    Files.push_back(normalise(F));
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());

  StringSet<> OnlyFiles;
  for (const std::string &Path : SourcePaths) {
    std::string Abs = normalise(Path);
    if (!std::binary_search(Files.begin(), Files.end(), Abs))
      return fail("'" + Path + "' is not in the compilation database of '" +
                  BuildPath + "'");
    OnlyFiles.insert(Abs);
  }

  std::string Rules = rulesDir(Argv[0]);
  SmallString<256> CatalogPath(Rules);
  sys::path::append(CatalogPath, "init-catalog.json");
  auto Catalog = loadInitCatalog({std::string(CatalogPath)});
  if (!Catalog)
    return fail(toString(Catalog.takeError()));

  std::vector<std::string> Handlers;
  std::vector<std::string> RuleLists;
  if (!ConfigPath.empty()) {
    auto Config = loadCheckConfig(ConfigPath);
    if (!Config)
      return fail(toString(Config.takeError()));
    if (!Config->CatalogDocument.empty())
      if (auto E = mergeInitCatalog(*Catalog, Config->CatalogDocument,
                                    ConfigPath + ": init-catalog"))
        return fail(toString(std::move(E)));
    Handlers = std::move(Config->Handlers);
    RuleLists = std::move(Config->RuleLists);
  }
  Handlers.insert(Handlers.end(), HandlerNames.begin(), HandlerNames.end());
  if (!RuleList.empty())
    RuleLists.push_back(RuleList);

  RuleContext Context{&*Catalog};
  auto Selected = selectRules(createAllRules(Context), RuleLists);
  if (!Selected)
    return fail(toString(Selected.takeError()));

  ExtractOptions Options;
  Options.Jobs = Jobs;
  Options.Catalog = &*Catalog;
  Options.DiagOut = &errs();
  if (!NoCache)
    Options.CacheDir = cacheDir(BuildPath);
  auto Extracted = extractSummaries(**DB, Files, Options);
  if (!Extracted)
    return fail(toString(Extracted.takeError()));
  RunStats Stats;
  Stats.TranslationUnits = Files.size();
  Stats.ParseErrors = Extracted->ParseErrors;
  Stats.CacheHits = Extracted->CacheHits;

  // After a crashed TU, LLVM's shutdown would trip over the compiler state
  // it abandoned: leave without it, once everything is written.
  auto Exit = [Crashed = Extracted->Crashes > 0](int Code) {
    if (Crashed) {
      outs().flush();
      errs().flush();
      sys::Process::Exit(Code, /*NoCleanup=*/true);
    }
    return Code;
  };
  auto Model = ProgramModel::build(std::move(Extracted->Summaries), Handlers);
  if (!Model)
    return Exit(fail(toString(Model.takeError())));
  Stats.Handlers = Model->handlers().size();
  Reachability Reach = Reachability::compute(*Model);

  FindingCollector Collector;
  for (const auto &R : *Selected)
    R->check(*Model, Reach, Collector);
  std::vector<Finding> Findings = Collector.take();
  if (!OnlyFiles.empty())
    std::erase_if(Findings, [&](const Finding &F) {
      return !OnlyFiles.contains(normalise(F.Loc.File));
    });
  SourceFiles Sources;
  Findings = applySuppressions(std::move(Findings), Sources);
  sortFindings(Findings);

  if (Stats.ParseErrors)
    errs() << "brisk-check: " << Stats.ParseErrors << " of "
           << Stats.TranslationUnits
           << " translation units had compile errors; findings may be "
              "incomplete\n";

  auto Emit = [&](raw_ostream &OS) {
    if (Format == "json")
      emitJson(Findings, Stats, OS);
    else if (Format == "sarif")
      emitSarif(Findings, describeRules(*Selected), sourceRoot(), Sources, OS);
    else
      emitText(Findings, Sources, OS);
    return Error::success();
  };
  if (OutputPath.empty()) {
    cantFail(Emit(outs()));
    outs().flush();
  } else if (auto E = writeToOutput(OutputPath, Emit)) {
    return Exit(
        fail("cannot write '" + OutputPath + "': " + toString(std::move(E))));
  }

  bool Failed =
      std::any_of(Findings.begin(), Findings.end(),
                  [&](const Finding &F) { return F.Level >= *FailLevel; });
  return Exit(Failed ? 1 : 0);
}
