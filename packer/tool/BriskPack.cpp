//===- BriskPack.cpp - brisk-pack command line ----------------------------===//
//
// brisk-pack -o OUT_DIR [options] NAME=PATH...   or   brisk-pack -c FILE
// The command line overrides the config file; see docs/brisk-pack.md.
//
//===----------------------------------------------------------------------===//

#include "plan/PackConfig.h"
#include "plan/PackOptions.h"
#include "plan/PackRun.h"
#include "tool/VerifyCommands.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace brisk;

static cl::OptionCategory BriskPackCategory("brisk-pack options");

// llvm::cl's own -h groups like any one-letter flag and prints the help the
// moment it is seen, so --hxyz or a misspelt --header-filter would exit 0.
// Declaring -h keeps llvm::cl's out; -h alone is passed on as --help
// (withLongHelp), so this one never fires and anything else that starts
// with -h fails as an unknown option.
static cl::opt<bool> ShortHelp("h", cl::desc("Same as --help"),
                               cl::cat(BriskPackCategory));

static cl::list<std::string> FunctionArgs(cl::Positional,
                                          cl::desc("NAME=PATH..."),
                                          cl::cat(BriskPackCategory));
static cl::opt<std::string> OutDir("o", cl::desc("Output folder"),
                                   cl::value_desc("OUT_DIR"), cl::Prefix,
                                   cl::cat(BriskPackCategory));
static cl::opt<std::string> ConfigFile("c", cl::desc("Read brisk-pack.json"),
                                       cl::value_desc("FILE"), cl::Prefix,
                                       cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Runtime("runtime",
            cl::desc("Lambda runtime (default: provided.al2023 for native "
                     "functions)"),
            cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Strip("strip", cl::desc("none|debug|unneeded|all (default debug)"),
          cl::cat(BriskPackCategory));
static cl::opt<std::string>
    KeepDebug("keep-debug",
              cl::desc("Write split debug info under DIR/.build-id/"),
              cl::value_desc("DIR"), cl::cat(BriskPackCategory));
static cl::opt<bool>
    CompressDebug("compress-debug",
                  cl::desc("Compress --keep-debug files with zstd"),
                  cl::cat(BriskPackCategory));
static cl::list<std::string>
    LibraryPath("library-path",
                cl::desc("Search DIR for libraries (repeatable)"),
                cl::value_desc("DIR"), cl::cat(BriskPackCategory));
static cl::list<std::string>
    Include("include",
            cl::desc("Add a library the program dlopens: [NAME:]PATH "
                     "(repeatable)"),
            cl::cat(BriskPackCategory));
static cl::opt<bool>
    NoBundleLibc("no-bundle-libc",
                 cl::desc("Fail instead of bundling the loader and libc when "
                          "the runtime's glibc is too old"),
                 cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Bootstrap("bootstrap",
              cl::desc("script|exec: without bundled libraries, make "
                       "bootstrap a script or the executable itself"),
              cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Gconv("gconv",
          cl::desc("auto|all|none: ship the bundled libc's gconv modules when "
                   "iconv_open is imported (default auto), always, or never"),
          cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Prune("prune",
          cl::desc("safe|aggressive|none: junk removed from the packages of "
                   "Python and Node.js functions (default safe)"),
          cl::cat(BriskPackCategory));
static cl::list<std::string>
    PruneProfile("prune-profile",
                 cl::desc("A prune profile extending rules/prune/python.json "
                          "or node.json (repeatable)"),
                 cl::value_desc("FILE"), cl::cat(BriskPackCategory));
static cl::opt<bool>
    PruneLicenses("prune-licenses",
                  cl::desc("Let --prune remove packages' LICENSE files too"),
                  cl::cat(BriskPackCategory));
static cl::opt<bool> ListPruned("list-pruned",
                                cl::desc("List every file --prune removed"),
                                cl::cat(BriskPackCategory));
static cl::opt<bool>
    ListPackages("list-packages",
                 cl::desc("List the installed packages of Python and Node.js "
                          "functions, with their files"),
                 cl::cat(BriskPackCategory));
static cl::opt<bool> DropRuntimeProvided(
    "drop-runtime-provided",
    cl::desc("Leave out packages the managed runtime ships itself (boto3, "
             "botocore, @aws-sdk/*)"),
    cl::cat(BriskPackCategory));
static cl::opt<bool> PrecompilePython(
    "precompile-python",
    cl::desc("Add bytecode for Python modules lacking it (needs the host's "
             "python3.X of the runtime's version)"),
    cl::cat(BriskPackCategory));
static cl::opt<int> CompressionLevel("compression-level",
                                     cl::desc("Deflate level 0-9 (default 6)"),
                                     cl::cat(BriskPackCategory));
static cl::opt<unsigned> Threads("j", cl::desc("Threads (default: all cores)"),
                                 cl::Prefix, cl::init(0),
                                 cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Arch("arch",
         cl::desc("x86_64|arm64: the architecture to pack for "
                  "(default: the input's)"),
         cl::cat(BriskPackCategory));
static cl::opt<std::string>
    SysRoot("sysroot",
            cl::desc("Resolve libraries in this target root (such as "
                     "/usr/aarch64-linux-gnu) instead of the host's"),
            cl::value_desc("DIR"), cl::cat(BriskPackCategory));
static cl::opt<int>
    MaxLayers("max-layers",
              cl::desc("Layers per function, 0 to 5 (default 5; 0: no layers)"),
              cl::cat(BriskPackCategory));
static cl::opt<int>
    MinShare("min-share",
             cl::desc("Share a unit in a layer only when at least N "
                      "functions use it (default 2)"),
             cl::cat(BriskPackCategory));
static cl::opt<bool> AllowS3Upload(
    "allow-s3-upload",
    cl::desc("Allow layer zips over the 52,428,800-byte direct upload limit"),
    cl::cat(BriskPackCategory));
static cl::opt<std::string> LayerPrefix(
    "layer-prefix",
    cl::desc("Name layers <prefix>-<hash> (default: the config file's folder "
             "name, or brisk)"),
    cl::cat(BriskPackCategory));
static cl::opt<std::string> ReuseLayers(
    "reuse-layers",
    cl::desc("Keep the layers of a previous run's manifest where they fit"),
    cl::value_desc("OLD_MANIFEST"), cl::cat(BriskPackCategory));
static cl::opt<std::string>
    Report("report", cl::desc("Write the size report: FILE.html or FILE.json"),
           cl::value_desc("FILE"), cl::cat(BriskPackCategory));

static constexpr const char *InputsAndExitCodes = R"(
INPUTS (PATH in NAME=PATH):
  an ELF executable     a native function: bin/NAME, the libraries it needs
                        in lib/ and a generated bootstrap
  a folder              the function's tree as it sits in /var/task (with
                        --runtime=python3.X or nodejsNN.x, or guessed from
                        its *.py modules or package.json)
  HANDLER_DIR:SITE_DIR  Python: the handler's folder and a site-packages
                        folder, joined at the function's root
  a .zip or a tar       the same tree (.tar, .tar.gz, .tgz, .tar.xz, ...)

EXIT CODES:
  0  packed: OUT_DIR holds the new output
  1  a Lambda size limit cannot be met; OUT_DIR is left as it was
  2  bad input or options; OUT_DIR is left as it was

See docs/brisk-pack.md.
)";
static cl::extrahelp MoreHelp(InputsAndExitCodes);

static int usageError(const Twine &What) {
  errs() << "brisk-pack: error: " << What << "\n";
  return BadInput;
}

static std::string rulesDir(const char *Argv0) {
  std::string Exe =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&rulesDir));
  SmallString<256> Dir(sys::path::parent_path(Exe));
  sys::path::append(Dir, "..", "share", "brisk", "rules");
  return Dir.str().str();
}

// NAME=PATH arguments replace the input of the config's function of that
// name or add one; naming a function twice on the command line is a mistake.
static Error applyFunctionArguments(PackOptions &Options) {
  StringSet<> Given;
  for (const std::string &Arg : FunctionArgs) {
    Expected<FunctionSpec> Spec = parseFunctionArgument(Arg);
    if (!Spec)
      return Spec.takeError();
    if (!Given.insert(Spec->Name).second)
      return createStringError("function '" + Spec->Name +
                               "' is given twice on the command line");
    auto Same = find_if(Options.Functions, [&](const FunctionSpec &F) {
      return F.Name == Spec->Name;
    });
    if (Same != Options.Functions.end()) {
      Same->Input = Spec->Input;
      Same->SitePackages = Spec->SitePackages;
    } else
      Options.Functions.push_back(std::move(*Spec));
  }
  return Error::success();
}

// Applies the command line over what the config file said.
static Error applyCommandLine(PackOptions &Options) {
  if (!OutDir.empty())
    Options.OutDir = OutDir;
  if (Error E = applyFunctionArguments(Options))
    return E;
  if (!Runtime.empty()) {
    if (Error E = checkRuntimeName(Runtime))
      return E;
    for (FunctionSpec &F : Options.Functions)
      F.Runtime = Runtime;
  }
  if (!Strip.empty()) {
    Expected<StripMode> Mode = parseStripMode(Strip);
    if (!Mode)
      return Mode.takeError();
    Options.Strip = *Mode;
  }
  if (!KeepDebug.empty())
    Options.KeepDebugDir = KeepDebug;
  if (CompressDebug)
    Options.CompressDebug = true;
  if (Options.CompressDebug && Options.KeepDebugDir.empty())
    return createStringError("--compress-debug needs --keep-debug=DIR");
  for (const std::string &Dir : LibraryPath)
    Options.LibraryPath.push_back(Dir);
  for (StringRef Arg : Include) {
    auto [Name, Path] = Arg.split(':');
    bool Targeted =
        !Path.empty() &&
        any_of(Options.Functions,
               [&, N = Name](const FunctionSpec &F) { return F.Name == N; });
    for (FunctionSpec &F : Options.Functions)
      if (!Targeted || F.Name == Name)
        F.Includes.push_back((Targeted ? Path : Arg).str());
  }
  if (NoBundleLibc)
    Options.AllowBundleLibc = false;
  if (!Bootstrap.empty()) {
    Expected<BootstrapStyle> Style = parseBootstrapStyle(Bootstrap);
    if (!Style)
      return Style.takeError();
    Options.Bootstrap = *Style;
  }
  if (!Gconv.empty()) {
    Expected<GconvMode> Mode = parseGconvMode(Gconv);
    if (!Mode)
      return Mode.takeError();
    Options.Gconv = *Mode;
  }
  if (!Prune.empty()) {
    Expected<PruneTier> Tier = parsePruneTier(Prune);
    if (!Tier)
      return createStringError("--prune " + toString(Tier.takeError()));
    Options.Prune = *Tier;
  }
  for (const std::string &Profile : PruneProfile)
    Options.PruneProfiles.push_back(Profile);
  Options.PruneLicenses |= PruneLicenses;
  Options.ListPruned = ListPruned;
  Options.ListPackages = ListPackages;
  Options.DropRuntimeProvided |= DropRuntimeProvided;
  Options.PrecompilePython |= PrecompilePython;
  if (CompressionLevel.getNumOccurrences()) {
    if (CompressionLevel < 0 || CompressionLevel > 9)
      return createStringError("--compression-level must be 0 to 9, not " +
                               Twine(CompressionLevel));
    Options.CompressionLevel = CompressionLevel;
  }
  Options.Threads = Threads;
  if (!Arch.empty()) {
    if (Arch != "x86_64" && Arch != "arm64")
      return createStringError("--arch must be x86_64 or arm64, not '" + Arch +
                               "'");
    Options.Arch = Arch;
  }
  if (!SysRoot.empty()) {
    if (!sys::fs::is_directory(SysRoot))
      return createStringError("--sysroot '" + SysRoot + "' is not a folder");
    Options.SysRoot = SysRoot;
  }
  if (MaxLayers.getNumOccurrences()) {
    if (MaxLayers < 0 || MaxLayers > 5)
      return createStringError("--max-layers must be 0 to 5, not " +
                               Twine(MaxLayers));
    Options.MaxLayers = MaxLayers;
  }
  if (MinShare.getNumOccurrences()) {
    if (MinShare < 1)
      return createStringError("--min-share must be 1 or more, not " +
                               Twine(MinShare));
    Options.MinShare = MinShare;
  }
  if (AllowS3Upload)
    Options.AllowS3Upload = true;
  if (!LayerPrefix.empty()) {
    if (Error E = checkLayerPrefix(LayerPrefix))
      return E;
    Options.LayerPrefix = LayerPrefix;
  }
  if (!ReuseLayers.empty())
    Options.ReuseLayers = ReuseLayers;
  if (!Report.empty())
    Options.ReportPath = Report;
  return Error::success();
}

static const char *const *withLongHelp(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "-h")
      Argv[I] = const_cast<char *>("--help");
  return Argv;
}

int main(int Argc, char **Argv) {
  if (isVerifyCommand(Argc, Argv))
    return runVerifyCommand(Argc, Argv, rulesDir(Argv[0]));
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(BriskPackCategory);
  cl::SetVersionPrinter(
      [](raw_ostream &OS) { OS << "brisk-pack " << BRISK_VERSION << "\n"; });
  if (!cl::ParseCommandLineOptions(
          Argc, withLongHelp(Argc, Argv),
          "brisk-pack: pack AWS Lambda functions small and deterministic\n",
          &errs()))
    return BadInput;

  PackOptions Options;
  Options.RulesDir = rulesDir(Argv[0]);
  if (!ConfigFile.empty())
    if (Error E = loadPackConfig(ConfigFile, Options))
      return usageError(toString(std::move(E)));
  if (Error E = applyCommandLine(Options))
    return usageError(toString(std::move(E)));
  return runPack(Options, outs(), errs());
}
