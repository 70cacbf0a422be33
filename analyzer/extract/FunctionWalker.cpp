//===- FunctionWalker.cpp - Summarise one function ------------------------===//

#include "extract/FunctionWalker.h"

#include "extract/CallFacts.h"
#include "extract/FunctionContext.h"
#include "extract/FunctionValues.h"
#include "extract/HandlerFacts.h"
#include "extract/LazyInitGuard.h"
#include "extract/LockRegions.h"
#include "extract/StringFacts.h"
#include "extract/WriteFacts.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/RecursiveASTVisitor.h"

namespace brisk {

namespace {

using namespace clang;

class FunctionWalker : public RecursiveASTVisitor<FunctionWalker> {
  using Base = RecursiveASTVisitor<FunctionWalker>;

public:
  FunctionWalker(TUContext &TU, const FunctionDecl *Fn)
      : F(TU, Fn), Calls(F), Handlers(F), Writes(F), Locks(F), Values(TU, &F) {
    F.Traverse = [this](const Stmt *S) { TraverseStmt(const_cast<Stmt *>(S)); };
  }

  void run() {
    const FunctionDecl *Fn = F.Fn;
    FunctionSummary &Summary = F.Summary;
    Summary.USR = usrOf(Fn);
    Summary.QualifiedName = functionName(Fn);
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
    resolvePendingRefs(F);
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
    Values.onVarDecl(VD);
    OnceKind Saved = F.Once;
    if (VD->isStaticLocal() && F.Once == OnceKind::None)
      F.Once = OnceKind::StaticLocalInit;
    bool R = Base::TraverseVarDecl(VD);
    F.Once = Saved;
    Calls.onVarDeclEnd(VD);
    return R;
  }

  bool TraverseIfStmt(IfStmt *S) {
    OnceKind Guard = lazyInitGuard(S);
    bool Child = isForkChildTest(S->getCond());
    if (Guard == OnceKind::None && !Child)
      return Base::TraverseIfStmt(S);
    TraverseStmt(S->getInit());
    TraverseStmt(S->getConditionVariableDeclStmt());
    TraverseStmt(S->getCond());
    OnceKind Saved = F.Once;
    bool SavedChild = F.InForkedChild;
    if (F.Once == OnceKind::None)
      F.Once = Guard;
    F.InForkedChild |= Child;
    TraverseStmt(S->getThen());
    F.Once = Saved;
    F.InForkedChild = SavedChild;
    TraverseStmt(S->getElse());
    return true;
  }

  /// Statements of a block in order: locks taken in it hold until it ends
  /// (or the matching unlock), a call used as a statement has its result
  /// discarded, and `if (g) return g; g = ...;` guards what follows it.
  bool TraverseCompoundStmt(CompoundStmt *S) {
    unsigned SavedLocks = F.LockDepth;
    OnceKind SavedOnce = F.Once;
    llvm::ArrayRef<Stmt *> Body(S->body_begin(), S->body_end());
    for (size_t I = 0; I < Body.size(); ++I) {
      Stmt *Child = Body[I];
      if (const CallExpr *CE = discardedCall(Child))
        F.DiscardedCalls.insert(CE);
      if (const auto *DS = dyn_cast<DeclStmt>(Child); DS && DS->isSingleDecl())
        if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl()))
          F.PlainLocals.insert(VD);
      TraverseStmt(Child);
      Locks.afterStatement(Child);
      if (const auto *If = dyn_cast<IfStmt>(Child);
          If && F.Once == OnceKind::None) {
        llvm::SmallVector<const Stmt *, 8> Rest(Body.begin() + I + 1,
                                                Body.end());
        F.Once = earlyReturnGuard(If, Rest);
      }
    }
    F.LockDepth = SavedLocks;
    F.Once = SavedOnce;
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
    Writes.onCall(CE);
    Values.onCall(CE);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    Writes.onBinaryOperator(BO);
    Values.onBinaryOperator(BO);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    Writes.onUnaryOperator(UO);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *RS) {
    Writes.onReturn(RS);
    Values.onReturn(RS);
    addReturnedString(F, RS);
    return true;
  }
  bool VisitRecoveryExpr(RecoveryExpr *RE) {
    Handlers.onRecoveryExpr(RE);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    Calls.onConstructExpr(CE);
    Values.onConstruct(CE);
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
    SourceLocation SavedBegin = F.LoopBegin;
    if (!Handlers.beginPollingLoop(S))
      return TraverseBase();
    bool Result = TraverseBase();
    F.Target = Saved;
    F.Once = SavedOnce;
    F.LoopBegin = SavedBegin;
    return Result;
  }

  /// The call an expression statement consists of: its result is unused.
  static const CallExpr *discardedCall(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return nullptr;
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<CStyleCastExpr>(E);
        C && C->getType()->isVoidType())
      E = C->getSubExpr();
    return dyn_cast<CallExpr>(peelTemporaries(E));
  }

  /// `fork() == 0`, or `pid == 0` with pid a local only fork() sets.
  bool isForkChildTest(const Expr *Cond) const {
    const auto *BO = dyn_cast<BinaryOperator>(peelTemporaries(Cond));
    if (!BO || BO->getOpcode() != BO_EQ)
      return false;
    auto IsZero = [](const Expr *E) {
      const auto *IL = dyn_cast<IntegerLiteral>(peelTemporaries(E));
      return IL && IL->getValue() == 0;
    };
    const Expr *Other = IsZero(BO->getRHS())   ? BO->getLHS()
                        : IsZero(BO->getLHS()) ? BO->getRHS()
                                               : nullptr;
    if (!Other)
      return false;
    Other = peelTemporaries(Other);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Other))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        llvm::ArrayRef<const Expr *> Defs = F.Origins.definitionsOf(VD);
        return Defs.size() == 1 && isForkCall(Defs[0]);
      }
    return isForkCall(Other);
  }

  static bool isForkCall(const Expr *E) {
    const auto *CE = dyn_cast<CallExpr>(peelTemporaries(E));
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    return FD && FD->getDeclName().isIdentifier() &&
           (FD->getName() == "fork" || FD->getName() == "vfork") &&
           FD->getDeclContext()->getRedeclContext()->isTranslationUnit();
  }

  FunctionContext F;
  CallFacts Calls;
  HandlerFacts Handlers;
  WriteFacts Writes;
  LockRegions Locks;
  FunctionValues Values;
};

} // namespace

void summarizeFunction(TUContext &TU, const FunctionDecl *Fn) {
  FunctionWalker(TU, Fn).run();
}

} // namespace brisk
