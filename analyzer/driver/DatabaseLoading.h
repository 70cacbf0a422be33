//===- DatabaseLoading.h - The compilation database a run names with -p ---===//
//
// clang-tidy's habits: -p names the build folder or the database file
// itself, --extra-arg(-before) adjust every command (the cache key
// included), and the TUs are the database's files, absolute, sorted and
// each once, so that every later step sees them in one order.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_DATABASELOADING_H
#define BRISK_ANALYZER_DRIVER_DATABASELOADING_H

#include "driver/CheckOptions.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

/// Path made absolute, without "." and "..".
std::string normalisePath(llvm::StringRef Path);

/// The folder holding the database: -p names it or the file itself.
std::string databaseDir(llvm::StringRef BuildPath);

struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  /// Its main files, absolute, sorted, each once.
  std::vector<std::string> Files;
};

/// Loads O.BuildPath with O's extra arguments; what is skipped of it is
/// said on Notes.
llvm::Expected<LoadedDatabase> loadDatabase(const CheckOptions &O,
                                            llvm::raw_ostream &Notes);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_DATABASELOADING_H
