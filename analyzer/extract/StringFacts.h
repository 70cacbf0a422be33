//===- StringFacts.h - What a string argument is known to be --------------===//
//
// For paths and names: the constant text a string starts with (followed
// through concatenation, std::string and std::filesystem::path, locals with
// one definition, a buffer snprintf filled, std::filesystem::
// temp_directory_path), the variables it is built from, and the catalogue
// entries of the calls that produce it (a clock, a random number).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_STRINGFACTS_H
#define BRISK_ANALYZER_EXTRACT_STRINGFACTS_H

#include "extract/FunctionContext.h"

namespace brisk {

/// The facts about E, as it is before Site (the call E is passed to, which
/// may write it: mkstemp); Sources holds entries of Rule only.
StringFacts stringFactsOf(const FunctionContext &F, const clang::Expr *E,
                          llvm::StringRef Rule,
                          const clang::Expr *Site = nullptr);

/// The constant text E is known to start with ("" when none).
std::string knownPrefix(const FunctionContext &F, const clang::Expr *E);

/// Whether values of type T are strings or paths: std::string and
/// string_view, std::filesystem::path, pointers to char.
bool isStringLike(clang::QualType T);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_STRINGFACTS_H
