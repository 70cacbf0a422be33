//===- FunctionWalker.cpp - Summarise one function ------------------------===//

#include "extract/FunctionWalker.h"

#include "extract/CallFacts.h"
#include "extract/FunctionContext.h"
#include "extract/HandlerFacts.h"
#include "extract/LazyInitGuard.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace brisk {

namespace {

using namespace clang;

class FunctionWalker : public RecursiveASTVisitor<FunctionWalker> {
  using Base = RecursiveASTVisitor<FunctionWalker>;

public:
  FunctionWalker(TUContext &TU, const FunctionDecl *Fn)
      : F(TU, Fn), Calls(F), Handlers(F) {
    F.Traverse = [this](const Stmt *S) { TraverseStmt(const_cast<Stmt *>(S)); };
  }

  void run() {
    const FunctionDecl *Fn = F.Fn;
    FunctionSummary &Summary = F.Summary;
    Summary.USR = usrOf(Fn);
    Summary.QualifiedName = qualifiedName(Fn);
    Summary.Loc = sourceLoc(F.TU.SM, Fn->getLocation());
    Summary.IsMain = Fn->isMain();
    Summary.IsAnnotatedHandler = hasHandlerAnnotation(Fn);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Fn)) {
      Summary.IsLambda = MD->getParent()->isLambda();
      addOverrides(MD);
    }
    Handlers.findPollingLoops(Fn->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        SourceLocation Saved = F.LocOverride;
        if (!Init->isWritten())
          F.LocOverride = Init->isAnyMemberInitializer()
                              ? Init->getAnyMember()->getLocation()
                              : Fn->getLocation();
        TraverseStmt(Init->getInit());
        F.LocOverride = Saved;
      }
    TraverseStmt(Fn->getBody());
    F.TU.Out.Functions.push_back(std::move(Summary));
    for (FunctionSummary &Loop : F.Loops)
      F.TU.Out.Functions.push_back(std::move(Loop));
  }

  // Nested functions and classes are summarised on their own.
  bool TraverseDecl(Decl *D) {
    if (D && (isa<TagDecl>(D) || isa<FunctionDecl>(D) ||
              isa<FunctionTemplateDecl>(D)))
      return true;
    return Base::TraverseDecl(D);
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    Calls.onLambda(LE);
    return true;
  }

  bool TraverseVarDecl(VarDecl *VD) {
    Calls.onVarDeclBegin(VD);
    OnceKind Saved = F.Once;
    if (VD->isStaticLocal() && F.Once == OnceKind::None)
      F.Once = OnceKind::StaticLocalInit;
    bool R = Base::TraverseVarDecl(VD);
    F.Once = Saved;
    Calls.onVarDeclEnd(VD);
    return R;
  }

  bool TraverseIfStmt(IfStmt *S) {
    if (!lazyInitTarget(S))
      return Base::TraverseIfStmt(S);
    TraverseStmt(S->getInit());
    TraverseStmt(S->getConditionVariableDeclStmt());
    TraverseStmt(S->getCond());
    OnceKind Saved = F.Once;
    if (F.Once == OnceKind::None)
      F.Once = OnceKind::LazyInitGuard;
    TraverseStmt(S->getThen());
    F.Once = Saved;
    TraverseStmt(S->getElse());
    return true;
  }

  bool TraverseCallExpr(CallExpr *CE) {
    if (!hasQualifiedName(CE->getDirectCallee(), "std::call_once"))
      return Base::TraverseCallExpr(CE);
    OnceKind Saved = F.Once;
    if (F.Once == OnceKind::None)
      F.Once = OnceKind::CallOnce;
    bool R = Base::TraverseCallExpr(CE);
    Calls.onCallOnce(CE);
    F.Once = Saved;
    return R;
  }

  bool TraverseInitListExpr(InitListExpr *S) {
    // The semantic form holds the implicit construction of members that
    // an aggregate initialisation leaves out.
    InitListExpr *Sem = S->isSemanticForm() ? S : S->getSemanticForm();
    if (!Sem)
      Sem = S;
    for (Stmt *Child : Sem->children())
      TraverseStmt(Child);
    return true;
  }

  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    return TraverseStmt(E->getExpr());
  }

  bool TraverseWhileStmt(WhileStmt *S) {
    return traverseLoop(S, [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return traverseLoop(S, [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseForStmt(ForStmt *S) {
    return traverseLoop(S, [&] { return Base::TraverseForStmt(S); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return traverseLoop(S, [&] { return Base::TraverseCXXForRangeStmt(S); });
  }

  bool VisitCallExpr(CallExpr *CE) {
    Handlers.onCall(CE);
    Calls.onCall(CE);
    return true;
  }
  bool VisitRecoveryExpr(RecoveryExpr *RE) {
    Handlers.onRecoveryExpr(RE);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    Calls.onConstructExpr(CE);
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    Calls.onDelete(DE);
    return true;
  }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *BT) {
    Calls.onTemporary(BT);
    return true;
  }

private:
  void addOverrides(const CXXMethodDecl *MD) {
    for (const CXXMethodDecl *O : MD->overridden_methods()) {
      std::string U = usrOf(O);
      if (!llvm::is_contained(F.Summary.Overrides, U)) {
        F.Summary.Overrides.push_back(U);
        addOverrides(O);
      }
    }
  }

  /// A Runtime API polling loop's facts go to its own synthetic function.
  template <typename Fn> bool traverseLoop(Stmt *S, Fn TraverseBase) {
    FunctionSummary *Saved = F.Target;
    OnceKind SavedOnce = F.Once;
    if (!Handlers.beginPollingLoop(S))
      return TraverseBase();
    bool Result = TraverseBase();
    F.Target = Saved;
    F.Once = SavedOnce;
    return Result;
  }

  FunctionContext F;
  CallFacts Calls;
  HandlerFacts Handlers;
};

} // namespace

void summarizeFunction(TUContext &TU, const FunctionDecl *Fn) {
  FunctionWalker(TU, Fn).run();
}

} // namespace brisk
