//===- FunctionValues.cpp - Where function values are stored and called ---===//

#include "extract/FunctionValues.h"

#include "extract/Callables.h"
#include "extract/ExprPeeling.h"
#include "extract/StateRefs.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>

namespace brisk {

using namespace clang;

namespace {

constexpr unsigned MaxDepth = 8;
constexpr unsigned MaxTypeDepth = 4;

bool isFunctionWrapper(const CXXRecordDecl *RD) {
  std::string Name = className(RD);
  return Name == "std::function" || Name == "std::move_only_function" ||
         Name == "std::copyable_function" || Name == "boost::function";
}

void appendUnique(std::vector<std::string> &Out,
                  const std::vector<std::string> &More) {
  for (const std::string &S : More)
    if (!llvm::is_contained(Out, S))
      Out.push_back(S);
}

} // namespace

bool FunctionValues::holds(QualType T) {
  // Types are walked breadth-limited; the answer is cached per type.
  struct Walker {
    FunctionValues &FV;
    bool run(QualType T, unsigned Depth) {
      if (T.isNull() || Depth > MaxTypeDepth)
        return false;
      T = T.getNonReferenceType().getCanonicalType();
      const Type *Key = T.getTypePtr();
      auto It = FV.TU.FunctionValueTypes.find(Key);
      if (It != FV.TU.FunctionValueTypes.end())
        return It->second;
      FV.TU.FunctionValueTypes[Key] = false; // for recursive types
      bool Result = compute(T, Depth);
      FV.TU.FunctionValueTypes[Key] = Result;
      return Result;
    }
    bool compute(QualType T, unsigned Depth) {
      if (T->isFunctionType() || T->isFunctionPointerType() ||
          T->isMemberFunctionPointerType())
        return true;
      if (T->isPointerType())
        return run(T->getPointeeType(), Depth + 1);
      if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
        return run(AT->getElementType(), Depth + 1);
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (!RD || !RD->hasDefinition())
        return false;
      if (RD->isLambda() || isFunctionWrapper(RD))
        return true;
      if (isLibraryClass(FV.TU, RD)) {
        // A container, pair or smart pointer holds what its arguments do.
        const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
        if (!Spec)
          return false;
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          if (A.getKind() == TemplateArgument::Type &&
              run(A.getAsType(), Depth + 1))
            return true;
        return false;
      }
      for (const FieldDecl *FD : RD->getDefinition()->fields())
        if (run(FD->getType(), Depth + 1))
          return true;
      return false;
    }
  };
  return Walker{*this}.run(T, 0);
}

std::string FunctionValues::varSlot(const VarDecl *VD) const {
  if (VD->hasGlobalStorage())
    return "global:" + usrOf(VD);
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  std::string OwnerUSR = Owner ? usrOf(summarizedCallee(Owner, TU.SM)) : "";
  if (F && Owner == F->Fn)
    OwnerUSR = F->Summary.USR;
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD))
    return "param:" + OwnerUSR + "#" +
           std::to_string(PVD->getFunctionScopeIndex());
  SourceLoc L = sourceLoc(TU.SM, VD->getLocation());
  return "local:" + OwnerUSR + "#" + VD->getName().str() + "@" +
         std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

std::string FunctionValues::functionValue(const FunctionDecl *FD) const {
  return "fn:" + usrOf(summarizedCallee(FD, TU.SM));
}

std::vector<std::string> FunctionValues::sourcesOf(const Expr *E,
                                                   unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return {};
  E = peelTemporaries(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return {functionValue(FD)};
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return {varSlot(VD)};
    return {};
  }
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return {"fn:" + usrOf(LE->getCallOperator())};
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref
               ? sourcesOf(UO->getSubExpr(), Depth + 1)
               : std::vector<std::string>();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = ME->getMemberDecl();
    if (const auto *VD = dyn_cast<VarDecl>(D))
      return {varSlot(VD)};
    if (const auto *FD = dyn_cast<FieldDecl>(D)) {
      const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
      if (RD && isLibraryClass(TU, RD)) // pair::second: the container's
        return sourcesOf(ME->getBase(), Depth + 1);
      return {"member:" + usrOf(FD)};
    }
    if (const auto *MD = dyn_cast<CXXMethodDecl>(D))
      return {functionValue(MD)};
    return {};
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return sourcesOf(ASE->getBase(), Depth + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    const CXXRecordDecl *RD = OC->getNumArgs() > 0 ? OC->getArg(0)
                                                         ->getType()
                                                         .getNonReferenceType()
                                                         ->getAsCXXRecordDecl()
                                                   : nullptr;
    if (RD && isLibraryClass(TU, RD))
      return sourcesOf(OC->getArg(0), Depth + 1); // m[k], *it, it->second
    if (const FunctionDecl *FD = OC->getDirectCallee(); FD && TU.isUserDecl(FD))
      return {"return:" + usrOf(summarizedCallee(FD, TU.SM))};
    return {};
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && isLibraryClass(TU, MD->getParent()))
      return sourcesOf(MC->getImplicitObjectArgument(), Depth + 1);
    if (MD)
      return {"return:" + usrOf(summarizedCallee(MD, TU.SM))};
    return {};
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && TU.isUserDecl(FD))
      return {"return:" + usrOf(summarizedCallee(FD, TU.SM))};
    // std::bind, std::ref, std::make_pair, std::move: what they are given.
    std::vector<std::string> Out;
    for (const Expr *A : CE->arguments())
      appendUnique(Out, sourcesOf(A, Depth + 1));
    return Out;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (!isLibraryClass(TU, CE->getConstructor()->getParent()))
      return {}; // a user object holds its values in its members
    std::vector<std::string> Out;
    for (const Expr *A : CE->arguments())
      appendUnique(Out, sourcesOf(A, Depth + 1));
    return Out;
  }
  if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(E))
    return sourcesOf(IL->getSubExpr(), Depth + 1);
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    std::vector<std::string> Out;
    for (const Expr *Init : ILE->inits())
      appendUnique(Out, sourcesOf(Init, Depth + 1));
    return Out;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    std::vector<std::string> Out = sourcesOf(CO->getTrueExpr(), Depth + 1);
    appendUnique(Out, sourcesOf(CO->getFalseExpr(), Depth + 1));
    return Out;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Comma)
    return sourcesOf(BO->getRHS(), Depth + 1);
  return {};
}

void FunctionValues::flow(const std::string &To, const std::string &From) {
  if (To != From)
    TU.Out.Flows.push_back({To, From});
}

void FunctionValues::store(const std::string &To, const Expr *E,
                           unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return;
  const Expr *P = peelTemporaries(E);
  // An aggregate of callbacks: each member gets its own initialiser.
  if (const auto *ILE = dyn_cast<InitListExpr>(P)) {
    const InitListExpr *Sem =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem)
      Sem = ILE;
    const CXXRecordDecl *RD = Sem->getType()->getAsCXXRecordDecl();
    if (RD && !isLibraryClass(TU, RD) && !RD->isLambda()) {
      unsigned I = 0;
      for (const FieldDecl *FD : RD->fields()) {
        if (I >= Sem->getNumInits())
          break;
        const Expr *Init = Sem->getInit(I++);
        if (holds(FD->getType()))
          store("member:" + usrOf(FD), Init, Depth + 1);
      }
      return;
    }
  }
  for (const std::string &From : sourcesOf(P))
    flow(To, From);
}

void FunctionValues::storeInto(const Expr *Target, const Expr *E) {
  for (const std::string &To : sourcesOf(Target))
    if (!llvm::StringRef(To).starts_with("fn:"))
      store(To, E);
}

void FunctionValues::onVarDecl(const VarDecl *VD) {
  if (const Expr *Init = VD->getInit(); Init && holds(VD->getType()))
    store(varSlot(VD), Init);
}

void FunctionValues::onBinaryOperator(const BinaryOperator *BO) {
  if (BO->getOpcode() == BO_Assign && holds(BO->getLHS()->getType()))
    storeInto(BO->getLHS(), BO->getRHS());
}

void FunctionValues::passArguments(const FunctionDecl *Callee,
                                   llvm::ArrayRef<const Expr *> Args) {
  if (!Callee || !TU.isUserDecl(Callee))
    return;
  const FunctionDecl *Named = summarizedCallee(Callee, TU.SM);
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    if (holds(Callee->getParamDecl(I)->getType()))
      store("param:" + usrOf(Named) + "#" + std::to_string(I), Args[I]);
}

void FunctionValues::onConstruct(const CXXConstructExpr *CE) {
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  passArguments(CE->getConstructor(), Args);
}

void FunctionValues::onCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (OC->getNumArgs() == 0)
      return;
    const Expr *Object = OC->getArg(0);
    const CXXRecordDecl *RD =
        Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
    bool Library = RD && isLibraryClass(TU, RD);
    if (OC->getOperator() == OO_Equal && holds(Object->getType()))
      storeInto(Object, OC->getArg(1));
    else if (OC->getOperator() == OO_Call && Library &&
             holds(Object->getType()))
      recordIndirectCall(CE, Object, llvm::ArrayRef(Args).drop_front());
    else if (!Library && isa_and_nonnull<CXXMethodDecl>(FD))
      passArguments(FD, llvm::ArrayRef(Args).drop_front());
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD) { // (obj.*pmf)(args)
      const auto *BO =
          dyn_cast<BinaryOperator>(MC->getCallee()->IgnoreParenImpCasts());
      if (BO && BO->isPtrMemOp())
        recordIndirectCall(CE, BO->getRHS(), Args);
      return;
    }
    const Expr *Object = MC->getImplicitObjectArgument();
    if (isLibraryClass(TU, MD->getParent())) {
      // routes.emplace("GET /", &get): what is inserted lands in the object.
      if (!MD->isConst() && holds(Object->getType()))
        for (const Expr *A : Args)
          storeInto(Object, A);
      return;
    }
    passArguments(MD, Args);
    return;
  }
  if (!FD) {
    recordIndirectCall(CE, CE->getCallee(), Args);
    return;
  }
  if (hasQualifiedName(FD, "std::invoke") && !Args.empty()) {
    recordIndirectCall(CE, Args[0], llvm::ArrayRef(Args).drop_front());
    return;
  }
  passArguments(FD, Args);
}

void FunctionValues::onReturn(const ReturnStmt *RS) {
  if (F && !F->inLoopBody() && RS->getRetValue() &&
      holds(F->Fn->getReturnType()))
    store("return:" + F->Summary.USR, RS->getRetValue());
}

void FunctionValues::recordIndirectCall(const CallExpr *CE, const Expr *Callee,
                                        llvm::ArrayRef<const Expr *> Args) {
  if (!F)
    return;
  CallSite C;
  C.Kind = CallKind::Indirect;
  C.CalleeName =
      spelledText(TU.SM, TU.Ctx.getLangOpts(), Callee->getSourceRange(), 40);
  C.Loc = F->siteLoc(CE->getBeginLoc());
  C.Once = F->Once;
  C.Locked = F->LockDepth > 0;
  for (const Expr *A : Args)
    C.Args.push_back(F->originOf(A));
  for (const std::string &S : sourcesOf(Callee))
    C.ValueSlots.push_back(S);
  F->Target->Calls.push_back(std::move(C));
}

void summarizeGlobalInitializer(TUContext &TU, const VarDecl *VD) {
  struct InitWalker : RecursiveASTVisitor<InitWalker> {
    FunctionValues &FV;
    explicit InitWalker(FunctionValues &FV) : FV(FV) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // its own function
    bool VisitCallExpr(CallExpr *CE) {
      FV.onCall(CE);
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      FV.onConstruct(CE);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      FV.onBinaryOperator(BO);
      return true;
    }
  };
  FunctionValues FV(TU, nullptr);
  FV.onVarDecl(VD);
  InitWalker W(FV);
  W.TraverseStmt(const_cast<Expr *>(VD->getInit()));
}

void finishFunctionValues(TUSummary &Out) {
  std::sort(Out.Flows.begin(), Out.Flows.end());
  Out.Flows.erase(std::unique(Out.Flows.begin(), Out.Flows.end()),
                  Out.Flows.end());
}

} // namespace brisk
