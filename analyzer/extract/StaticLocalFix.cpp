//===- StaticLocalFix.cpp - When a local may become a function-local static
//===//

#include "extract/StaticLocalFix.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace brisk {

namespace {

using namespace clang;

/// Whether passing a value to a parameter of type T leaves it unchanged: by
/// value, or by reference or pointer to const.
bool takesUnchanged(QualType T) {
  if (T->isReferenceType() || T->isPointerType())
    return T->getPointeeType().isConstQualified();
  return true;
}

/// Counts the uses of a variable, and those that cannot change it.
class UseCounter : public RecursiveASTVisitor<UseCounter> {
public:
  explicit UseCounter(const VarDecl *VD) : VD(VD) {}

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    Total += DRE->getDecl() == VD;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (const CXXMethodDecl *MD = MC->getMethodDecl();
        MD && MD->isConst() && names(MC->getImplicitObjectArgument()))
      ++Unchanged;
    countArguments(MC->getDirectCallee(), MC->arguments(), 0);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    const FunctionDecl *FD = OC->getDirectCallee();
    llvm::ArrayRef<Expr *> Args(OC->getArgs(), OC->getNumArgs());
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
        MD && !Args.empty()) {
      if (MD->isConst() && names(Args[0]))
        ++Unchanged;
      countArguments(FD, Args.drop_front(), 0);
    } else {
      countArguments(FD, Args, 0);
    }
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (!isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE))
      countArguments(CE->getDirectCallee(), CE->arguments(), 0);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    countArguments(CE->getConstructor(), CE->arguments(), 0);
    return true;
  }

  unsigned Total = 0;
  unsigned Unchanged = 0;

private:
  bool names(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == VD;
  }

  template <typename Range>
  void countArguments(const FunctionDecl *FD, Range Args, unsigned First) {
    if (!FD)
      return;
    unsigned I = First;
    for (const Expr *A : Args) {
      if (I < FD->getNumParams() && names(A) &&
          takesUnchanged(FD->getParamDecl(I)->getType()))
        ++Unchanged;
      ++I;
    }
  }

  const VarDecl *VD;
};

} // namespace

std::string staticLocalFix(const FunctionContext &F, const VarDecl *VD,
                           SiteCatalogEntry::StaticFix Fix) {
  if (Fix == SiteCatalogEntry::StaticFix::None || !VD ||
      !F.PlainLocals.contains(VD) || !VD->hasLocalStorage() ||
      isa<ParmVarDecl>(VD) || VD->isConstexpr() ||
      VD->getType()->isReferenceType() || VD->getType()->isPointerType() ||
      VD->getBeginLoc().isMacroID() || !VD->getInit())
    return "";
  UseCounter Uses(VD);
  Uses.TraverseStmt(const_cast<Stmt *>(F.Fn->getBody()));
  bool OnlyConst = Uses.Unchanged >= Uses.Total;
  if (VD->getType().isConstQualified())
    return OnlyConst || Fix == SiteCatalogEntry::StaticFix::Any ? "static "
                                                                : "";
  if (OnlyConst)
    return "static const ";
  return Fix == SiteCatalogEntry::StaticFix::Any ? "static " : "";
}

} // namespace brisk
