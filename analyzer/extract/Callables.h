//===- Callables.h - What runs when a value is called ---------------------===//
//
// A function, a lambda and a function object are all called the same way;
// a std::function only wraps one of them. These helpers find the function
// that runs: the call operator of a class, the expression a wrapper was
// built from, the template a specialisation was instantiated from.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_CALLABLES_H
#define BRISK_ANALYZER_EXTRACT_CALLABLES_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace brisk {

/// The expression a std::function (or any converting constructor of one
/// argument) was built from.
const clang::Expr *unwrapWrapper(const clang::Expr *E);

/// The template pattern FD was instantiated from, or FD itself.
const clang::FunctionDecl *patternOf(const clang::FunctionDecl *FD);

/// Whether FD is an instantiation of a user template with a body: such
/// instantiations are summarised on their own, since what they construct
/// and call depends on the template arguments.
bool isUserInstantiation(const clang::FunctionDecl *FD,
                         const clang::SourceManager &SM);

/// The function a call of FD names in summaries: FD itself when it is a
/// user instantiation, otherwise its pattern.
const clang::FunctionDecl *summarizedCallee(const clang::FunctionDecl *FD,
                                            const clang::SourceManager &SM);

/// The lambda's or function object's operator(), if RD has one.
const clang::CXXMethodDecl *callOperatorOf(const clang::CXXRecordDecl *RD);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CALLABLES_H
