//===- TUContext.h - What every fact family shares within one TU ----------===//
//
// The AST, the catalogue matcher, the summary being filled and the Runtime
// API scanner, for the duration of one translation unit's extraction.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_TUCONTEXT_H
#define BRISK_ANALYZER_EXTRACT_TUCONTEXT_H

#include "extract/CatalogMatcher.h"
#include "extract/RuntimeApiUse.h"
#include "model/Summary.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace brisk {

class TUContext {
public:
  TUContext(clang::ASTContext &Ctx, const InitCatalog *Catalog, TUSummary &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Matcher(Catalog), Out(Out),
        RuntimeApi(SM) {}

  bool isSystem(clang::SourceLocation L) const {
    return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }
  bool isUserDecl(const clang::Decl *D) const {
    return D && !isSystem(D->getLocation());
  }

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  CatalogMatcher Matcher;
  TUSummary &Out;
  RuntimeApiScanner RuntimeApi;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_TUCONTEXT_H
