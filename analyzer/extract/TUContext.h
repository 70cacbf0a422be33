//===- TUContext.h - What every fact family shares within one TU ----------===//
//
// The AST, the catalogue matcher, the summary being filled and the Runtime
// API scanner, for the duration of one translation unit's extraction.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_TUCONTEXT_H
#define BRISK_ANALYZER_EXTRACT_TUCONTEXT_H

#include "catalog/Catalogs.h"
#include "extract/CatalogMatcher.h"
#include "extract/RuntimeApiUse.h"
#include "model/Summary.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

namespace brisk {

class TUContext {
public:
  TUContext(clang::ASTContext &Ctx, const Catalogs &Data, TUSummary &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Data(Data), Matcher(Data.Sites),
        Out(Out), RuntimeApi(SM) {}

  bool isSystem(clang::SourceLocation L) const {
    return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }
  bool isUserDecl(const clang::Decl *D) const {
    return D && !isSystem(D->getLocation());
  }

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const Catalogs &Data;
  CatalogMatcher Matcher;
  TUSummary &Out;
  RuntimeApiScanner RuntimeApi;
  /// Types known to hold function values or not (FunctionValues).
  llvm::DenseMap<const clang::Type *, bool> FunctionValueTypes;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_TUCONTEXT_H
