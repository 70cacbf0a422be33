//===- CompileDatabase.h - The compilation database as brisk reads it -----===//
//
// Databases in the wild are not what CMake writes: Bear, Meson, hand-written
// and checked-in ones have relative directories, the same file several
// times, files that do not exist yet (generated sources before a build),
// and entries for other languages or compilers. This turns a loaded
// database into one command per existing C-family source file, with
// absolute paths, and says on the notes stream what it skipped and why.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_COMPILEDATABASE_H
#define BRISK_ANALYZER_DRIVER_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <string>

namespace brisk {

class ResolvedDatabase : public clang::tooling::CompilationDatabase {
public:
  /// Reads every entry of DB. A relative `directory` is taken relative to
  /// DatabaseDir (the folder holding compile_commands.json); a file listed
  /// several times keeps its first entry; entries whose file does not exist
  /// or is not C, C++ or Objective-C are skipped with one note each on
  /// Notes.
  ResolvedDatabase(const clang::tooling::CompilationDatabase &DB,
                   llvm::StringRef DatabaseDir, llvm::raw_ostream &Notes);

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override;
  std::vector<std::string> getAllFiles() const override;
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override;

private:
  std::map<std::string, clang::tooling::CompileCommand> Commands;
};

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_COMPILEDATABASE_H
