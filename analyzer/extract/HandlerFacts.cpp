//===- HandlerFacts.cpp - Handlers a function registers or contains -------===//

#include "extract/HandlerFacts.h"

#include "extract/Callables.h"
#include "extract/ExprPeeling.h"

#include "clang/AST/Attr.h"

namespace brisk {

using namespace clang;

namespace {

bool namesRunHandler(const Expr *Callee) {
  Callee = Callee->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
    return isRunHandler(DRE->getDecl());
  const auto *ULE = dyn_cast<UnresolvedLookupExpr>(Callee);
  if (!ULE || ULE->getNumDecls() == 0)
    return false;
  return llvm::all_of(ULE->decls(),
                      [](const NamedDecl *D) { return isRunHandler(D); });
}

/// What `V = X;` in S stores into V (the last such assignment), for a
/// variable declared without a callable.
const Expr *assignedValue(const Stmt *S, const ValueDecl *V) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  const Expr *Found = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign && refersTo(BO->getLHS(), V))
    Found = BO->getRHS();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      refersTo(OC->getArg(0), V))
    Found = OC->getArg(1);
  for (const Stmt *Child : S->children())
    if (const Expr *E = assignedValue(Child, V))
      Found = E;
  return Found;
}

const Stmt *loopBody(const Stmt *S) {
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(S))
    return D->getBody();
  if (const auto *F = dyn_cast<ForStmt>(S))
    return F->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(S))
    return R->getBody();
  return nullptr;
}

} // namespace

bool isRunHandler(const NamedDecl *D) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(D ? D->getUnderlyingDecl() : nullptr);
  return hasQualifiedName(FD, "aws::lambda_runtime::run_handler");
}

bool hasHandlerAnnotation(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "brisk::handler")
        return true;
  return false;
}

void HandlerFacts::onCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!isRunHandler(FD) || CE->getNumArgs() == 0)
    return;
  registerHandler(CE->getArg(0), CE->getBeginLoc());
}

/// After a fatal error (a missing header) clang instantiates no more
/// templates, so `run_handler(f)` cannot convert f to std::function and
/// survives only as a RecoveryExpr over the callee's name and argument.
/// The name lookup already happened: when every function it found is the
/// Runtime's run_handler, the call is a registration.
void HandlerFacts::onRecoveryExpr(const RecoveryExpr *RE) {
  llvm::ArrayRef<Expr *> Parts =
      const_cast<RecoveryExpr *>(RE)->subExpressions();
  if (Parts.size() == 2 && namesRunHandler(Parts[0]))
    registerHandler(Parts[1], RE->getBeginLoc());
}

void HandlerFacts::registerHandler(const Expr *Arg, SourceLocation L) {
  const FunctionDecl *H = resolveCallable(Arg, 0);
  if (!H)
    return;
  H = summarizedCallee(H, F.TU.SM);
  HandlerRegistration R;
  R.HandlerUSR = usrOf(H);
  R.DisplayName = functionName(H);
  R.Kind = HandlerKind::RunHandlerArgument;
  R.Loc = sourceLoc(F.TU.SM, L);
  F.TU.Out.Handlers.push_back(std::move(R));
}

/// The function a run_handler argument runs: a function, a lambda, a
/// function object, or a variable traced back to its initialiser.
const FunctionDecl *HandlerFacts::resolveCallable(const Expr *E,
                                                  unsigned Depth) const {
  if (!E || Depth > 4)
    return nullptr;
  E = unwrapWrapper(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return resolveCallable(UO->getSubExpr(), Depth + 1);
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return LE->getCallOperator();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return FD;
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
      if (RD && !RD->isInStdNamespace())
        if (const CXXMethodDecl *Op = callOperatorOf(RD))
          return Op;
      if (const FunctionDecl *FD =
              resolveCallable(VD->getAnyInitializer(), Depth + 1))
        return FD;
      if (VD->hasLocalStorage())
        return resolveCallable(assignedValue(F.Fn->getBody(), VD), Depth + 1);
      return nullptr;
    }
    return nullptr;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E);
      ILE && ILE->getNumInits() == 1)
    return resolveCallable(ILE->getInit(0), Depth + 1);
  // std::bind(&App::handle, &App, _1) runs what it binds.
  if (const auto *CE = dyn_cast<CallExpr>(E);
      CE && CE->getNumArgs() > 0 &&
      (hasQualifiedName(CE->getDirectCallee(), "std::bind") ||
       hasQualifiedName(CE->getDirectCallee(), "std::bind_front")))
    return resolveCallable(CE->getArg(0), Depth + 1);
  // A function object; an empty std::function is not one.
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  if (RD && !RD->isInStdNamespace())
    return callOperatorOf(RD);
  return nullptr;
}

void HandlerFacts::findPollingLoops(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return;
  // A loop that fetches events and posts responses; a retry loop around the
  // fetch alone (in a helper) is not the handler.
  if (const Stmt *Body = loopBody(S); Body && isPollingLoopBody(Body)) {
    PollingLoops.insert(S);
    return; // the outermost polling loop is the handler
  }
  for (const Stmt *Child : S->children())
    findPollingLoops(Child);
}

bool HandlerFacts::isPollingLoopBody(const Stmt *Body) {
  RuntimeUse U = F.TU.RuntimeApi.use(Body, /*Depth=*/2);
  return U.Fetches && U.Posts;
}

bool HandlerFacts::beginPollingLoop(const Stmt *S) {
  if (!PollingLoops.contains(S))
    return false;
  SourceLoc L = sourceLoc(F.TU.SM, S->getBeginLoc());
  FunctionSummary Loop;
  Loop.USR = F.Summary.USR + "#loop@" + std::to_string(L.Line) + ":" +
             std::to_string(L.Column);
  Loop.QualifiedName = F.Summary.QualifiedName + "::loop";
  Loop.Loc = L;
  F.Loops.push_back(std::move(Loop));
  HandlerRegistration R;
  R.HandlerUSR = F.Loops.back().USR;
  R.DisplayName = F.Loops.back().QualifiedName;
  R.Kind = HandlerKind::PollingLoop;
  R.Loc = L;
  F.TU.Out.Handlers.push_back(std::move(R));
  F.Target = &F.Loops.back();
  F.LoopBegin = S->getBeginLoc();
  F.Once = OnceKind::None;
  return true;
}

} // namespace brisk
