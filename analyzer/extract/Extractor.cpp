//===- Extractor.cpp - Run clang over each TU and summarise it ------------===//
//
// One CompilerInstance per TU on a thread pool. Each TU gets its own virtual
// file system (for its working directory), its own diagnostics buffer and a
// crash recovery context, so a crash or a compile error in one TU loses
// nothing of the others, and output is assembled in input order whatever
// the thread count.
//
//===----------------------------------------------------------------------===//

#include "extract/Extractor.h"

#include "cache/SummaryCache.h"
#include "extract/TUExtractor.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Stack.h"
#include "clang/Basic/Version.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <dlfcn.h>

namespace brisk {

namespace {

/// Forwards errors (not warnings: brisk is not a compiler) to clang's own
/// text printer and counts them.
class ErrorPrinter : public clang::DiagnosticConsumer {
public:
  ErrorPrinter(llvm::raw_ostream &OS, clang::DiagnosticOptions *Opts)
      : Printer(OS, Opts) {}
  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level >= clang::DiagnosticsEngine::Error)
      Printer.HandleDiagnostic(Level, Info);
  }

private:
  clang::TextDiagnosticPrinter Printer;
};

class SummaryAction : public clang::ASTFrontendAction {
public:
  SummaryAction(const Catalogs &Data, TUSummary &Out,
                std::vector<FileRead> *Deps)
      : Data(Data), Out(Out), Deps(Deps) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    return makeSummaryConsumer(CI, Data, Out, Deps);
  }

private:
  const Catalogs &Data;
  TUSummary &Out;
  std::vector<FileRead> *Deps;
};

/// Drops arguments the clang driver does not know (gcc-only flags in a
/// database written for g++), which would otherwise stop the TU.
clang::tooling::ArgumentsAdjuster stripUnknownArguments() {
  return [](const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
    if (Args.size() < 2)
      return Args;
    std::vector<const char *> Argv;
    for (size_t I = 1; I < Args.size(); ++I)
      Argv.push_back(Args[I].c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
    llvm::opt::InputArgList Parsed = Table.ParseArgs(
        Argv, MissingIndex, MissingCount,
        llvm::opt::Visibility(clang::driver::options::ClangOption));
    std::vector<bool> Drop(Args.size(), false);
    for (const llvm::opt::Arg *A : Parsed)
      if (A->getOption().getKind() == llvm::opt::Option::UnknownClass)
        Drop[A->getIndex() + 1] = true;
    clang::tooling::CommandLineArguments Out;
    for (size_t I = 0; I < Args.size(); ++I)
      if (!Drop[I])
        Out.push_back(Args[I]);
    return Out;
  };
}

std::vector<std::string> adjustCommandLine(std::vector<std::string> Args,
                                           llvm::StringRef File) {
  using namespace clang::tooling;
  for (const ArgumentsAdjuster &A :
       {getClangSyntaxOnlyAdjuster(), getClangStripOutputAdjuster(),
        getClangStripDependencyFileAdjuster(), stripUnknownArguments()})
    Args = A(Args, File);
  bool HasResourceDir = llvm::any_of(Args, [](const std::string &A) {
    return llvm::StringRef(A).starts_with("-resource-dir");
  });
  if (!HasResourceDir && !Args.empty())
    Args.insert(Args.begin() + 1, "-resource-dir=" + clangResourceDir());
  // Errors go to our own printer; this keeps clang from also printing
  // "N errors generated." on stderr. Warnings are not brisk's business, and
  // -Werror in a database must not turn them into parse errors.
  Args.push_back("-fno-caret-diagnostics");
  Args.push_back("-w");
  return Args;
}

/// Runs one compiler invocation; returns false if it crashed.
bool runInvocation(std::vector<std::string> CommandLine,
                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   const Catalogs &Data, TUSummary &Out, std::string &Diags,
                   std::vector<FileRead> *Deps = nullptr) {
  llvm::raw_string_ostream DiagOS(Diags);
  auto DiagOpts = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  DiagOpts->ShowColors = false;
  DiagOpts->ShowCarets = false;
  ErrorPrinter Printer(DiagOS, DiagOpts.get());
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), std::move(FS));
  clang::tooling::ToolInvocation Invocation(
      std::move(CommandLine), std::make_unique<SummaryAction>(Data, Out, Deps),
      Files.get());
  Invocation.setDiagnosticConsumer(&Printer);
  // Pool threads are not clang's main thread: tell clang where this stack
  // starts so deep template instantiation moves to a bigger stack instead of
  // overflowing this one.
  clang::noteBottomOfStack();
  llvm::CrashRecoveryContext CRC;
  bool Ran = false;
  bool Survived = CRC.RunSafely([&] { Ran = Invocation.run(); });
  Out.ErrorCount = Printer.getNumErrors();
  Out.HadErrors = Out.ErrorCount > 0 || !Ran;
  return Survived;
}

/// Replaces what a crashed TU produced, which cannot be trusted, with an
/// empty summary that has an error.
void discardCrashedTU(const std::string &File, TUSummary &Out,
                      std::string &Diags) {
  Out = TUSummary();
  Out.MainFile = File;
  Out.HadErrors = true;
  Out.ErrorCount = 1;
  Diags += File + ": error: brisk-check crashed while analysing this file; "
                  "it is left out of the analysis\n";
}

enum class TUOutcome : char { Extracted, Cached, Crashed, Missing };

/// Extracts one TU, or takes its summary from the cache (only from there
/// when LinkOnly).
TUOutcome extractOne(const clang::tooling::CompileCommand &Cmd,
                     const std::string &File, const Catalogs &Data,
                     const SummaryCache *Cache, bool LinkOnly, TUSummary &Out,
                     std::string &Diags, std::vector<std::string> &UserFiles) {
  if (Cache)
    if (std::optional<CachedTU> Hit = Cache->lookup(
            Cmd.Directory, Cmd.CommandLine, File, /*AcceptErrors=*/LinkOnly)) {
      Out = std::move(Hit->Summary);
      Diags = std::move(Hit->Diagnostics);
      UserFiles = std::move(Hit->UserFiles);
      return TUOutcome::Cached;
    }
  if (LinkOnly)
    return TUOutcome::Missing;
  Out.MainFile = File;
  auto FS = llvm::vfs::createPhysicalFileSystem();
  FS->setCurrentWorkingDirectory(Cmd.Directory);
  std::vector<FileRead> Deps;
  if (!runInvocation(adjustCommandLine(Cmd.CommandLine, File), std::move(FS),
                     Data, Out, Diags, &Deps)) {
    discardCrashedTU(File, Out, Diags);
    UserFiles = {File};
    // Stored like any TU with errors: a link-only run needs every TU of the
    // shards, and it replays the crash's error line.
    if (Cache)
      Cache->store(Cmd.Directory, Cmd.CommandLine, File, Out, Diags, Deps);
    return TUOutcome::Crashed;
  }
  for (const FileRead &D : Deps)
    if (!D.System)
      UserFiles.push_back(D.Path);
  if (Cache)
    Cache->store(Cmd.Directory, Cmd.CommandLine, File, Out, Diags, Deps);
  return TUOutcome::Extracted;
}

} // namespace

std::string clangResourceDir() {
  static const std::string Dir = [] {
    // The resource directory belongs to the clang libraries we run with:
    // <prefix>/lib/libclang-cpp.so -> <prefix>/lib/clang/<major>.
    Dl_info Info;
    if (dladdr(reinterpret_cast<void *>(
                   &clang::tooling::getClangSyntaxOnlyAdjuster),
               &Info) &&
        Info.dli_fname) {
      llvm::SmallString<256> Prefix(Info.dli_fname);
      llvm::sys::path::remove_filename(Prefix);
      llvm::sys::path::remove_filename(Prefix);
      llvm::sys::path::append(Prefix, "bin", "clang");
      std::string Candidate = clang::driver::Driver::GetResourcesPath(Prefix);
      if (llvm::sys::fs::exists(Candidate + "/include/stddef.h"))
        return Candidate;
    }
    return std::string("/usr/lib/llvm-" CLANG_VERSION_MAJOR_STRING
                       "/lib/clang/" CLANG_VERSION_MAJOR_STRING);
  }();
  return Dir;
}

TUSummary extractSummaryFromCode(llvm::StringRef Code, llvm::StringRef FileName,
                                 const std::vector<std::string> &Args,
                                 const ExtractOptions &Options) {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(FileName, 0, llvm::MemoryBuffer::getMemBufferCopy(Code));
  Overlay->pushOverlay(Memory);
  std::vector<std::string> CommandLine = {"clang++"};
  CommandLine.insert(CommandLine.end(), Args.begin(), Args.end());
  CommandLine.push_back(FileName.str());
  TUSummary Out;
  Out.MainFile = FileName.str();
  std::string Diags;
  if (!runInvocation(adjustCommandLine(CommandLine, FileName), Overlay,
                     Options.Data, Out, Diags))
    discardCrashedTU(FileName.str(), Out, Diags);
  if (Options.DiagOut)
    *Options.DiagOut << Diags;
  return Out;
}

llvm::Expected<ExtractResult>
extractSummaries(const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const ExtractOptions &Options) {
  llvm::CrashRecoveryContext::Enable();
  std::vector<clang::tooling::CompileCommand> Commands;
  for (const std::string &File : Files) {
    std::vector<clang::tooling::CompileCommand> Found =
        DB.getCompileCommands(File);
    if (Found.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     File +
                                         ": not in the compilation database");
    Commands.push_back(std::move(Found.front()));
  }

  ExtractResult Result;
  Result.Summaries.resize(Files.size());
  std::vector<std::string> &Diags = Result.Diagnostics;
  Diags.resize(Files.size());
  Result.UserFilesRead.resize(Files.size());
  std::vector<TUOutcome> Outcomes(Files.size());
  bool LinkOnly = !Options.LinkFrom.empty();
  std::optional<SummaryCache> Cache;
  if (LinkOnly)
    Cache.emplace(Options.LinkFrom, Options.Data);
  else if (!Options.CacheDir.empty())
    Cache.emplace(std::vector<std::string>{Options.CacheDir}, Options.Data);
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        Outcomes[I] = extractOne(
            Commands[I], Files[I], Options.Data, Cache ? &*Cache : nullptr,
            LinkOnly, Result.Summaries[I], Diags[I], Result.UserFilesRead[I]);
        if (Options.OnTUDone)
          Options.OnTUDone(I, Result.Summaries[I],
                           Outcomes[I] == TUOutcome::Cached);
      });
    Pool.wait();
  }
  if (auto Missing = llvm::count(Outcomes, TUOutcome::Missing)) {
    size_t First = llvm::find(Outcomes, TUOutcome::Missing) - Outcomes.begin();
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::Twine(Missing) + " of " + llvm::Twine(Files.size()) +
            " translation units have no current summary in the caches "
            "linked, e.g. '" +
            Files[First] +
            "' (did every shard run, on the same sources and brisk-check?)");
  }
  for (size_t I = 0; I < Files.size(); ++I) {
    Result.CacheHits += Outcomes[I] == TUOutcome::Cached;
    Result.Crashes += Outcomes[I] == TUOutcome::Crashed;
    if (Options.DiagOut)
      *Options.DiagOut << Diags[I];
    if (Result.Summaries[I].HadErrors)
      ++Result.ParseErrors;
  }
  if (!Files.empty() && Result.ParseErrors == Files.size() &&
      llvm::all_of(Result.Summaries,
                   [](const TUSummary &S) { return S.Functions.empty(); }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no translation unit could be parsed");
  return Result;
}

} // namespace brisk
