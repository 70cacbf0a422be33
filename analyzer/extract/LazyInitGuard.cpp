//===- LazyInitGuard.cpp - Recognise `if (!g) { g = ...; }` ---------------===//

#include "extract/LazyInitGuard.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLExtras.h"

namespace brisk {

using namespace clang;

namespace {

/// The variable or member `if (!g)` tests, when it is not a local.
const ValueDecl *testedNonLocal(const Expr *E) {
  E = peelTemporaries(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // if (!ptr) on a smart pointer or optional (operator bool), and the
    // accessors that read g itself: ptr.get(), flag.load().
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (isa_and_nonnull<CXXConversionDecl>(MD) ||
        (MD && MD->getDeclName().isIdentifier() &&
         (MD->getName() == "get" || MD->getName() == "load")))
      return testedNonLocal(MC->getImplicitObjectArgument());
    return nullptr;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && VD->hasGlobalStorage() ? VD : nullptr;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = peelTemporaries(ME->getBase());
    if (isa<CXXThisExpr>(Base) || testedNonLocal(Base))
      return ME->getMemberDecl();
  }
  return nullptr;
}

bool isNullLike(const Expr *E) {
  E = peelTemporaries(E);
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return IL->getValue() == 0;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getDeclName().isIdentifier() &&
           DRE->getDecl()->getName() == "nullopt";
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return CE->getNumArgs() == 1 && isNullLike(CE->getArg(0));
  return false;
}

/// The non-local a lazy-init condition tests for "not yet initialised":
/// !g, g == nullptr, nullptr == g, !g.has_value(), g == std::nullopt,
/// g.empty().
const ValueDecl *lazyGuardTarget(const Expr *Cond) {
  Cond = peelTemporaries(Cond);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "empty")
      return testedNonLocal(MC->getImplicitObjectArgument());
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return nullptr;
    const Expr *Sub = peelTemporaries(UO->getSubExpr());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Sub))
      if (const auto *MD = MC->getMethodDecl();
          MD && MD->getDeclName().isIdentifier() &&
          MD->getName() == "has_value")
        return testedNonLocal(MC->getImplicitObjectArgument());
    return testedNonLocal(Sub);
  }
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_EQ) {
    L = BO->getLHS();
    R = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond);
             OC && OC->getOperator() == OO_EqualEqual &&
             OC->getNumArgs() == 2) {
    L = OC->getArg(0);
    R = OC->getArg(1);
  }
  if (!L)
    return nullptr;
  if (isNullLike(R))
    return testedNonLocal(L);
  if (isNullLike(L))
    return testedNonLocal(R);
  return nullptr;
}

/// Whether S (the guarded block) assigns, resets or emplaces G.
bool initialises(const Stmt *S, const ValueDecl *G) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && refersTo(BO->getLHS(), G))
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && refersTo(OC->getArg(0), G))
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() &&
        llvm::is_contained({"reset", "emplace", "assign", "swap", "store"},
                           MD->getName()) &&
        refersTo(MC->getImplicitObjectArgument(), G))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (initialises(Child, G))
      return true;
  return false;
}

} // namespace

const ValueDecl *lazyInitTarget(const IfStmt *S) {
  const ValueDecl *G = lazyGuardTarget(S->getCond());
  return G && initialises(S->getThen(), G) ? G : nullptr;
}

} // namespace brisk
