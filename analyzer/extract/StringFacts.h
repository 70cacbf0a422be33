//===- StringFacts.h - What a string argument is known to be --------------===//
//
// For paths and names: the constant text a string starts with (followed
// through concatenation, std::string and std::filesystem::path, locals with
// one definition, a buffer snprintf filled, std::filesystem::
// temp_directory_path), the variables it is built from, the program
// functions whose results it is built from (resolved at link time through
// what they return), and the catalogue entries of the calls that produce it
// (a clock, a random number).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_STRINGFACTS_H
#define BRISK_ANALYZER_EXTRACT_STRINGFACTS_H

#include "extract/FunctionContext.h"

namespace brisk {

/// The facts about E, as it is before Site (the call E is passed to, which
/// may write it: mkstemp); Sources holds entries of Rule only (of every rule
/// when Rule is empty).
StringFacts stringFactsOf(const FunctionContext &F, const clang::Expr *E,
                          llvm::StringRef Rule,
                          const clang::Expr *Site = nullptr);

/// Merges what RS returns into the summary's ReturnString when Fn returns a
/// string or path.
void addReturnedString(FunctionContext &F, const clang::ReturnStmt *RS);

/// How a string starts: constant text ("" when not known), or else what a
/// program function returns (its USR, "" when none).
struct StringStart {
  std::string Prefix;
  std::string Call;
};
StringStart knownStart(const FunctionContext &F, const clang::Expr *E);

/// Whether values of type T are strings or paths: std::string and
/// string_view, std::filesystem::path, pointers to char.
bool isStringLike(clang::QualType T);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_STRINGFACTS_H
