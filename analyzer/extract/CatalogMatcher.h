//===- CatalogMatcher.h - Match call and construction sites to the catalogue =//
//
// Decides which init-catalogue entries a call or a construction matches and
// checks the entries' constraints on constant arguments (an fopen mode, a path
// outside /tmp). Whether the hoisting condition finally holds is decided at
// link time from the argument origins recorded with the match.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_CATALOGMATCHER_H
#define BRISK_ANALYZER_EXTRACT_CATALOGMATCHER_H

#include "catalog/SiteCatalog.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>

namespace brisk {

/// The value of a string built only from literals and constants, if known.
std::optional<std::string> constantString(const clang::Expr *E);

class CatalogMatcher {
public:
  explicit CatalogMatcher(const SiteCatalog *Catalog) : Catalog(Catalog) {}

  /// Entries matched by calling Callee with Args (the object excluded).
  llvm::SmallVector<const SiteCatalogEntry *, 1>
  matchCall(const clang::FunctionDecl *Callee,
            llvm::ArrayRef<const clang::Expr *> Args,
            clang::ASTContext &Ctx) const;

  /// Entries matched by constructing Class with Args (not copies or moves).
  llvm::SmallVector<const SiteCatalogEntry *, 1>
  matchConstruct(const clang::CXXRecordDecl *Class,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 clang::ASTContext &Ctx) const;

private:
  bool classMatches(const SiteCatalogEntry &E,
                    const clang::CXXRecordDecl *Class) const;
  bool argsFit(const SiteCatalogEntry &E,
               llvm::ArrayRef<const clang::Expr *> Args,
               clang::ASTContext &Ctx) const;

  const SiteCatalog *Catalog;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CATALOGMATCHER_H
