//===- BriskCheck.cpp - brisk-check command line --------------------------===//
//
// Parses the command line (llvm::cl, clang-tidy habits) into CheckOptions
// and runs them (driver/CheckRun). Exit codes (design.md): 0 no finding at
// or above --fail-on, 1 findings, 2 could not run.
//
//===----------------------------------------------------------------------===//

#include "driver/CheckRun.h"
#include "lsp/LspServer.h"
#include "lsp/Transport.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

using namespace llvm;
using namespace brisk;

static cl::OptionCategory BriskCheckCategory("brisk-check options");

// llvm::cl's own -h groups like any one-letter flag and prints the help the
// moment it is seen, so --hxyz or a misspelt --header-filter would exit 0.
// Declaring -h keeps llvm::cl's out; -h alone is passed on as --help
// (withLongHelp), so this one never fires and anything else that starts
// with -h fails as an unknown option.
static cl::opt<bool> ShortHelp("h", cl::desc("Same as --help"),
                               cl::cat(BriskCheckCategory));

// One-letter options take their value glued on too (-pbuild, -j2), as in
// clang-tidy; llvm::cl would otherwise treat them as a group of flags.
static cl::opt<std::string>
    BuildPath("p",
              cl::desc("Build folder holding compile_commands.json "
                       "(required, except with --list-checks and "
                       "--dump-config)"),
              cl::value_desc("BUILD_DIR"), cl::Prefix,
              cl::cat(BriskCheckCategory));
static cl::list<std::string> SourcePaths(cl::Positional, cl::desc("[FILE...]"),
                                         cl::cat(BriskCheckCategory));
static cl::opt<std::string> Format("format",
                                   cl::desc("Output format: text, json or "
                                            "sarif (default: text)"),
                                   cl::value_desc("text|json|sarif"),
                                   cl::init("text"),
                                   cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    OutputPath("o", cl::desc("Write the report to FILE (default: stdout)"),
               cl::value_desc("FILE"), cl::Prefix, cl::cat(BriskCheckCategory));
static cl::opt<unsigned> Jobs("j",
                              cl::desc("Parallel jobs (default: all cores)"),
                              cl::value_desc("N"), cl::init(0), cl::Prefix,
                              cl::cat(BriskCheckCategory));
static cl::list<std::string>
    HandlerNames("handler",
                 cl::desc("Qualified name of a function that runs per "
                          "invocation (repeatable)"),
                 cl::value_desc("QUALIFIED_NAME"), cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    ConfigPath("config",
               cl::desc("JSON file: handlers, rules, severity, "
                        "max_concurrency, catalogue entries"),
               cl::value_desc("FILE"), cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    RuleList("rules",
             cl::desc("Comma-separated rule ids or globs; '-' disables"),
             cl::value_desc("LIST"), cl::cat(BriskCheckCategory));
static cl::opt<unsigned> MaxConcurrency(
    "max-concurrency",
    cl::desc("Requests one environment serves at once (Lambda Managed "
             "Instances); above 1 enables unsynchronized-global"),
    cl::value_desc("N"), cl::cat(BriskCheckCategory));
static cl::opt<bool>
    NoCache("no-cache", cl::desc("Neither read nor write the summary cache"),
            cl::cat(BriskCheckCategory));
static cl::list<std::string>
    CacheDirs("cache-dir",
              cl::desc("Folder of the summary cache (default: "
                       "BUILD_DIR/.brisk-cache); with --link-only "
                       "repeatable, each folder and its subfolders"),
              cl::value_desc("DIR"), cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    Shard("shard",
          cl::desc("Extract the I-th of N parts of the TUs into the cache "
                   "and report nothing (CI shards; link with --link-only)"),
          cl::value_desc("I/N"), cl::cat(BriskCheckCategory));
static cl::opt<bool>
    LinkOnly("link-only",
             cl::desc("Parse nothing: link the summaries in the --cache-dir "
                      "folders (of every shard) and report"),
             cl::cat(BriskCheckCategory));
static cl::opt<bool>
    Lsp("lsp",
        cl::desc("Serve the Language Server Protocol on stdin/stdout: "
                 "diagnostics on open and save, fix-its as code actions"),
        cl::cat(BriskCheckCategory));
static cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Lowest severity that makes the exit code 1: note, "
                    "warning or error; never: exit 0 unless brisk-check "
                    "could not run (default: warning)"),
           cl::value_desc("note|warning|error|never"), cl::init("warning"),
           cl::cat(BriskCheckCategory));
static cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its in place"),
                         cl::cat(BriskCheckCategory));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its as YAML for clang-apply-replacements"),
    cl::value_desc("FILE"), cl::cat(BriskCheckCategory));
static cl::opt<bool> ListRules("list-rules",
                               cl::desc("Print every rule: id, severity, "
                                        "whether it is on, summary"),
                               cl::cat(BriskCheckCategory));

// clang-tidy's spellings, for users and scripts that already know them.
static cl::alias ChecksAlias("checks", cl::desc("Same as --rules"),
                             cl::aliasopt(RuleList), cl::NotHidden,
                             cl::cat(BriskCheckCategory));
static cl::alias ListChecksAlias("list-checks",
                                 cl::desc("Same as --list-rules"),
                                 cl::aliasopt(ListRules), cl::NotHidden,
                                 cl::cat(BriskCheckCategory));
static cl::alias ConfigFileAlias("config-file", cl::desc("Same as --config"),
                                 cl::aliasopt(ConfigPath), cl::NotHidden,
                                 cl::cat(BriskCheckCategory));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Rule ids or globs whose findings are errors (as in --rules)"),
    cl::value_desc("GLOBS"), cl::cat(BriskCheckCategory));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Report findings in headers only when the header's path matches "
             "REGEX; named FILEs are always reported (default: every user "
             "header)"),
    cl::value_desc("REGEX"), cl::cat(BriskCheckCategory));
static cl::opt<bool>
    Quiet("quiet",
          cl::desc("Print no progress, notes or summary lines on stderr"),
          cl::cat(BriskCheckCategory));
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Append ARG to every compile command (repeatable)"),
              cl::value_desc("ARG"), cl::cat(BriskCheckCategory));
static cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Prepend ARG to every compile command (repeatable)"),
    cl::value_desc("ARG"), cl::cat(BriskCheckCategory));
static cl::opt<bool> AllowCompileErrors(
    "allow-compile-errors",
    cl::desc("Compile errors in reported translation units do not make the "
             "exit code 1"),
    cl::cat(BriskCheckCategory));
static cl::opt<bool>
    Progress("progress",
             cl::desc("Show progress on stderr even when it is not a terminal"),
             cl::cat(BriskCheckCategory));
static cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("Base URL of brisk's docs/ folder, for SARIF's helpUri (default: "
             "the config's \"docs_url\", else none)"),
    cl::value_desc("URL"), cl::cat(BriskCheckCategory));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the findings of this run in FILE, by fingerprint"),
    cl::value_desc("FILE"), cl::cat(BriskCheckCategory));
static cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("Report only findings not recorded in FILE (--write-baseline)"),
    cl::value_desc("FILE"), cl::cat(BriskCheckCategory));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration in effect for FILE (default: the "
             "current folder) and exit"),
    cl::cat(BriskCheckCategory));

static cl::extrahelp ExitCodes(R"(
EXIT CODES:
  0  no finding at or above --fail-on, and no compile error in a reported
     translation unit (unless --allow-compile-errors)
  1  findings, or compile errors in a reported translation unit
  2  brisk-check could not run: a bad option, configuration or compilation
     database, or no translation unit could be parsed
)");

/// brisk's data sits at <bindir>/../share/brisk/rules, in the build tree as
/// after installation.
static std::string rulesDir(const char *Argv0) {
  std::string Exe =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&rulesDir));
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Dir, "share", "brisk", "rules");
  return std::string(Dir);
}

static const char *const *withLongHelp(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "-h")
      Argv[I] = const_cast<char *>("--help");
  return Argv;
}

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(BriskCheckCategory);
  // LLVM registers -stats for its own statistics (compiled out of release
  // builds); brisk-check takes the option over for its run's statistics.
  auto *Stats = static_cast<cl::opt<bool, true> *>(
      cl::getRegisteredOptions().lookup("stats"));
  if (Stats) {
    Stats->setDescription("Print statistics of the run on stderr (TUs, "
                          "handlers, calls through function values not "
                          "traced)");
    Stats->addCategory(BriskCheckCategory);
    Stats->setHiddenFlag(cl::NotHidden);
  }
  cl::SetVersionPrinter(
      [](raw_ostream &OS) { OS << "brisk-check " << BRISK_VERSION << "\n"; });
  if (!cl::ParseCommandLineOptions(Argc, withLongHelp(Argc, Argv),
                                   "brisk-check: find per-invocation work and "
                                   "state leaking between invocations in AWS "
                                   "Lambda handlers\n\n"
                                   "With FILEs, the whole database is still "
                                   "analysed and linked, and only findings "
                                   "located in those files are reported.\n",
                                   &errs()))
    return 2;

  CheckOptions Options;
  Options.BuildPath = BuildPath;
  Options.SourcePaths = SourcePaths;
  Options.Format = Format;
  Options.OutputPath = OutputPath;
  Options.Jobs = Jobs;
  Options.HandlerNames = HandlerNames;
  Options.ConfigPath = ConfigPath;
  Options.RuleList = RuleList;
  if (MaxConcurrency.getNumOccurrences())
    Options.MaxConcurrency = MaxConcurrency;
  Options.NoCache = NoCache;
  Options.FailOn = FailOn;
  Options.Fix = Fix;
  Options.ExportFixesPath = ExportFixes;
  Options.ListRules = ListRules;
  Options.WarningsAsErrors = WarningsAsErrors;
  Options.HeaderFilter = HeaderFilter;
  Options.Quiet = Quiet;
  Options.ExtraArgs = ExtraArgs;
  Options.ExtraArgsBefore = ExtraArgsBefore;
  Options.AllowCompileErrors = AllowCompileErrors;
  Options.ShowProgress =
      !Quiet && (Progress || sys::Process::StandardErrIsDisplayed());
  Options.DocsUrl = DocsUrl;
  Options.WriteBaselinePath = WriteBaseline;
  Options.BaselinePath = Baseline;
  Options.DumpConfig = DumpConfig;
  if (Stats) {
    Options.Stats = *Stats;
    Stats->setValue(false); // LLVM would report its own at exit
  }
  Options.RulesDir = rulesDir(Argv[0]);
  Options.CacheDirs = CacheDirs;
  Options.Shard = Shard;
  Options.LinkOnly = LinkOnly;
  if (Lsp) {
    // The server checks the whole program on each open and save and
    // publishes per file: options that name files, write reports or split
    // the run have no meaning there.
    // (cl::list's operator& yields its vector, hence addressof.)
    const cl::Option *Files = std::addressof(SourcePaths);
    for (const cl::Option *Opt : std::initializer_list<const cl::Option *>{
             Files, &OutputPath, &Format, &Fix, &ExportFixes, &WriteBaseline,
             &Shard, &LinkOnly, &ListRules, &DumpConfig})
      if (Opt->getNumOccurrences()) {
        errs() << "brisk-check: error: --lsp publishes diagnostics per file; "
               << (Opt == Files              ? "FILEs"
                   : Opt->ArgStr.size() == 1 ? "-" + Opt->ArgStr.str()
                                             : "--" + Opt->ArgStr.str())
               << " does not apply to it\n";
        return 2;
      }
    return runLspServer(Options, stdin, lsp::takeOverStdout(), errs());
  }

  CheckResult Result = runCheck(Options, outs(), errs());
  if (Result.Crashed) {
    // After a crashed TU, LLVM's shutdown would trip over the compiler state
    // it abandoned: leave without it, once everything is written.
    outs().flush();
    errs().flush();
    sys::Process::Exit(Result.ExitCode, /*NoCleanup=*/true);
  }
  return Result.ExitCode;
}
