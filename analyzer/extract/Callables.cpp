//===- Callables.cpp - What runs when a value is called -------------------===//

#include "extract/Callables.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"

namespace brisk {

using namespace clang;

const Expr *unwrapWrapper(const Expr *E) {
  for (unsigned I = 0; I < 4; ++I) {
    E = peelTemporaries(E);
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() != 1 || isa<CXXTemporaryObjectExpr>(CE))
      return E;
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    if (RD->isLambda() || !RD->isInStdNamespace())
      return E;
    E = CE->getArg(0);
  }
  return E;
}

const FunctionDecl *patternOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern(false))
    return P;
  return FD;
}

bool isUserInstantiation(const FunctionDecl *FD, const SourceManager &SM) {
  if (!FD || !FD->isTemplateInstantiation() || !FD->hasBody())
    return false;
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern(false);
  if (!Pattern)
    return false;
  SourceLocation L = SM.getExpansionLoc(Pattern->getLocation());
  return L.isValid() && !SM.isInSystemHeader(L);
}

const FunctionDecl *summarizedCallee(const FunctionDecl *FD,
                                     const SourceManager &SM) {
  return isUserInstantiation(FD, SM) ? FD : patternOf(FD);
}

const CXXMethodDecl *callOperatorOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  if (RD->isLambda())
    return RD->getLambdaCallOperator();
  for (const CXXMethodDecl *MD : RD->methods())
    if (MD->getOverloadedOperator() == OO_Call)
      return MD;
  return nullptr;
}

} // namespace brisk
