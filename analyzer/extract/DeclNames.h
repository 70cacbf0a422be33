//===- DeclNames.h - Stable names and locations for summaries -------------===//
//
// Summaries outlive the AST, so every declaration and location is turned into
// plain strings here: USRs (with a location-based fallback when clang cannot
// make one), qualified names without inline namespaces, and absolute
// file:line:col of the spelling the user wrote (macro uses, not definitions).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_DECLNAMES_H
#define BRISK_ANALYZER_EXTRACT_DECLNAMES_H

#include "model/Summary.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace brisk {

std::string usrOf(const clang::Decl *D);

/// "ns::Class::method", inline namespaces (std::__cxx11) left out. A lambda's
/// call operator is named after its enclosing function: "main::lambda".
std::string qualifiedName(const clang::NamedDecl *D);

/// Whether D's qualified name is Qualified. The short name is compared
/// first, so most declarations never have their qualified name built.
bool hasQualifiedName(const clang::NamedDecl *D, llvm::StringRef Qualified);

SourceLoc sourceLoc(const clang::SourceManager &SM, clang::SourceLocation L);

/// The template pattern's qualified name for class template specialisations
/// (std::basic_regex for std::regex), else qualifiedName.
std::string className(const clang::CXXRecordDecl *RD);

/// qualifiedName with a function template specialisation's arguments, as
/// paths show it: "container::get<Aws::S3::S3Client>".
std::string functionName(const clang::FunctionDecl *FD);

/// The source text of R as written, whitespace runs shown as one space;
/// empty when R is in a macro or the text is longer than MaxLength.
std::string spelledText(const clang::SourceManager &SM,
                        const clang::LangOptions &LO, clang::SourceRange R,
                        size_t MaxLength = 60);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_DECLNAMES_H
