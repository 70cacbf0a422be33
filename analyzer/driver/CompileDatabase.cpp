//===- CompileDatabase.cpp - The compilation database as brisk reads it ---===//

#include "driver/CompileDatabase.h"

#include "clang/Driver/Types.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace brisk {

namespace {

std::string absolute(llvm::StringRef Base, llvm::StringRef Path) {
  llvm::SmallString<256> Out(Path);
  if (!llvm::sys::path::is_absolute(Out)) {
    Out = Base;
    llvm::sys::path::append(Out, Path);
  }
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return std::string(Out);
}

/// Whether brisk analyses File: C, C++ and Objective-C sources and headers
/// by extension, or anything compiled with an explicit -x (the command says
/// what it is). CUDA, HIP and OpenCL need their own toolchains; assembler,
/// Fortran and the like are not C.
bool isCFamily(llvm::StringRef File,
               const std::vector<std::string> &CommandLine) {
  if (llvm::any_of(CommandLine, [](const std::string &A) {
        return llvm::StringRef(A).starts_with("-x");
      }))
    return true;
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  Ext.consume_front(".");
  namespace types = clang::driver::types;
  types::ID T = types::lookupTypeForExtension(Ext);
  return T != types::TY_INVALID && types::isDerivedFromC(T) &&
         !types::isCuda(T) && !types::isHIP(T) && !types::isOpenCL(T);
}

} // namespace

ResolvedDatabase::ResolvedDatabase(
    const clang::tooling::CompilationDatabase &DB, llvm::StringRef DatabaseDir,
    llvm::raw_ostream &Notes) {
  for (clang::tooling::CompileCommand Cmd : DB.getAllCompileCommands()) {
    Cmd.Directory = absolute(DatabaseDir, Cmd.Directory);
    Cmd.Filename = absolute(Cmd.Directory, Cmd.Filename);
    if (Commands.count(Cmd.Filename))
      continue; // the first entry of a file wins, as for clang-tidy -p
    if (!isCFamily(Cmd.Filename, Cmd.CommandLine)) {
      Notes << "brisk-check: note: skipping '" << Cmd.Filename
            << "': not a C, C++ or Objective-C source\n";
      continue;
    }
    if (!llvm::sys::fs::exists(Cmd.Filename)) {
      Notes << "brisk-check: note: skipping '" << Cmd.Filename
            << "': listed in the compilation database but does not exist "
               "(a generated source before the build?)\n";
      continue;
    }
    Commands.emplace(Cmd.Filename, std::move(Cmd));
  }
}

std::vector<clang::tooling::CompileCommand>
ResolvedDatabase::getCompileCommands(llvm::StringRef FilePath) const {
  auto It = Commands.find(FilePath.str());
  if (It == Commands.end())
    return {};
  return {It->second};
}

std::vector<std::string> ResolvedDatabase::getAllFiles() const {
  std::vector<std::string> Out;
  for (const auto &Entry : Commands)
    Out.push_back(Entry.first);
  return Out;
}

std::vector<clang::tooling::CompileCommand>
ResolvedDatabase::getAllCompileCommands() const {
  std::vector<clang::tooling::CompileCommand> Out;
  for (const auto &Entry : Commands)
    Out.push_back(Entry.second);
  return Out;
}

} // namespace brisk
