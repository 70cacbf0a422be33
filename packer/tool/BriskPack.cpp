//===- BriskPack.cpp - brisk-pack command line ----------------------------===//
//
// brisk-pack -o OUT_DIR [options] NAME=PATH...   or   brisk-pack -c FILE
// The command line overrides the config file; see docs/brisk-pack.md.
//
//===----------------------------------------------------------------------===//

#include "plan/PackConfig.h"
#include "plan/PackOptions.h"
#include "plan/PackRun.h"

#include "llvm/ADT/SmallString.h"
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
static cl::opt<int> CompressionLevel("compression-level",
                                     cl::desc("Deflate level 0-9 (default 6)"),
                                     cl::init(-1), cl::cat(BriskPackCategory));
static cl::opt<unsigned> Threads("j", cl::desc("Threads (default: all cores)"),
                                 cl::Prefix, cl::init(0),
                                 cl::cat(BriskPackCategory));

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

// Applies the command line over what the config file said.
static Error applyCommandLine(PackOptions &Options) {
  if (!OutDir.empty())
    Options.OutDir = OutDir;
  for (const std::string &Arg : FunctionArgs) {
    Expected<FunctionSpec> Spec = parseFunctionArgument(Arg);
    if (!Spec)
      return Spec.takeError();
    auto Same = find_if(Options.Functions, [&](const FunctionSpec &F) {
      return F.Name == Spec->Name;
    });
    if (Same != Options.Functions.end())
      Same->Input = Spec->Input;
    else
      Options.Functions.push_back(std::move(*Spec));
  }
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
  if (CompressionLevel != -1) {
    if (CompressionLevel < 0 || CompressionLevel > 9)
      return createStringError("--compression-level must be 0 to 9");
    Options.CompressionLevel = CompressionLevel;
  }
  Options.Threads = Threads;
  return Error::success();
}

static const char *const *withLongHelp(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "-h")
      Argv[I] = const_cast<char *>("--help");
  return Argv;
}

int main(int Argc, char **Argv) {
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
