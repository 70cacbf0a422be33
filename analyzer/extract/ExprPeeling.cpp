//===- ExprPeeling.cpp - See through what clang wraps around values -------===//

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"

namespace brisk {

using namespace clang;

const Expr *peelTemporaries(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EC = dyn_cast<ExprWithCleanups>(E))
      E = EC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<CastExpr>(E))
      E = CE->getSubExpr();
    else
      return E;
  }
  return E;
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  E = peelTemporaries(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return DRE->getDecl() == D;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return ME->getMemberDecl() == D;
  return false;
}

} // namespace brisk
