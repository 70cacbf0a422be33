//===- DatabaseLoading.cpp - The compilation database a run names with -p -===//

#include "driver/DatabaseLoading.h"

#include "driver/CompileDatabase.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace brisk {

using namespace llvm;

std::string normalisePath(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string databaseDir(StringRef BuildPath) {
  SmallString<256> Dir(normalisePath(BuildPath));
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  return std::string(Dir);
}

static Error error(const Twine &T) {
  return createStringError(inconvertibleErrorCode(), T);
}

/// The database at Path (a folder or the file), resolved (ResolvedDatabase).
static Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadResolved(StringRef Path, raw_ostream &Notes) {
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

Expected<LoadedDatabase> loadDatabase(const CheckOptions &O,
                                      raw_ostream &Notes) {
  if (O.BuildPath.empty())
    return error("no compilation database: pass -p BUILD_DIR (the folder "
                 "holding compile_commands.json)");
  auto Resolved = loadResolved(O.BuildPath, Notes);
  if (!Resolved)
    return Resolved.takeError();
  auto DB = std::make_unique<clang::tooling::ArgumentsAdjustingCompilations>(
      std::move(*Resolved));
  using clang::tooling::ArgumentInsertPosition;
  if (!O.ExtraArgsBefore.empty())
    DB->appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        O.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  if (!O.ExtraArgs.empty())
    DB->appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        O.ExtraArgs, ArgumentInsertPosition::END));
  LoadedDatabase Out;
  for (const std::string &F : DB->getAllFiles())
    Out.Files.push_back(normalisePath(F));
  std::sort(Out.Files.begin(), Out.Files.end());
  Out.Files.erase(std::unique(Out.Files.begin(), Out.Files.end()),
                  Out.Files.end());
  Out.DB = std::move(DB);
  return Out;
}

} // namespace brisk
