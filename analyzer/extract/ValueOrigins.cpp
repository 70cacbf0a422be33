//===- ValueOrigins.cpp - Where a function's values come from -------------===//

#include "extract/ValueOrigins.h"

#include "extract/DeclNames.h"
#include "extract/ExprPeeling.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace brisk {

namespace {
constexpr unsigned MaxDepth = 8;
constexpr llvm::StringLiteral NextInvocationPath = "/runtime/invocation/next";

ValueOrigin constant() {
  ValueOrigin O;
  O.Constant = true;
  return O;
}

ValueOrigin other() {
  ValueOrigin O;
  O.Other = true;
  return O;
}

/// The variable a write lands in: `v`, `&v`, and the object holding a
/// written member or element (`v.Conn`, `v.Items[0]`).
const clang::VarDecl *referencedVar(const clang::Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
      UO && UO->getOpcode() == clang::UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  for (unsigned I = 0; I < 8; ++I) {
    if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E))
      E = ME->getBase()->IgnoreParenImpCasts();
    else if (const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
      E = ASE->getBase()->IgnoreParenImpCasts();
    else
      break;
  }
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E))
    return llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
  return nullptr;
}

bool isLocal(const clang::VarDecl *VD) {
  return VD && VD->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(VD);
}

/// Calls whose result is a compile-time constant when their inputs are:
/// constexpr functions, operators (string concatenation) and std::string's
/// accessors (c_str()).
bool preservesConstness(const clang::FunctionDecl *FD) {
  if (!FD)
    return false;
  if (FD->isConstexpr() || FD->isOverloadedOperator())
    return true;
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(FD)) {
    std::string Class = className(MD->getParent());
    return Class == "std::basic_string" || Class == "std::basic_string_view";
  }
  return false;
}

bool isWritableArg(const clang::ParmVarDecl *P) {
  clang::QualType T = P->getType();
  if (T->isReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return false;
}
} // namespace

bool fetchesRuntimeEvent(const clang::CallExpr *CE) {
  const clang::FunctionDecl *FD = CE->getDirectCallee();
  if (hasQualifiedName(FD, "aws::lambda_runtime::runtime::get_next"))
    return true;
  for (const clang::Expr *Arg : CE->arguments())
    if (mentionsNextInvocationPath(Arg))
      return true;
  return false;
}

bool mentionsNextInvocationPath(const clang::Stmt *S) {
  if (!S)
    return false;
  if (const auto *SL = llvm::dyn_cast<clang::StringLiteral>(S))
    return SL->getCharByteWidth() == 1 &&
           SL->getString().contains(NextInvocationPath);
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(S)) {
    // One hop through a named constant: kNextUrl = ".../invocation/next".
    if (const auto *VD = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()))
      if (const clang::Expr *Init = VD->getInit();
          Init && !llvm::isa<clang::DeclRefExpr>(Init->IgnoreParenImpCasts()))
        return mentionsNextInvocationPath(Init);
    return false;
  }
  if (llvm::isa<clang::LambdaExpr>(S))
    return false;
  for (const clang::Stmt *Child : S->children())
    if (mentionsNextInvocationPath(Child))
      return true;
  return false;
}

/// Finds every write to a local of the analysed function.
class SourceCollector : public clang::RecursiveASTVisitor<SourceCollector> {
public:
  explicit SourceCollector(ValueOrigins &VO) : VO(VO) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseLambdaExpr(clang::LambdaExpr *LE) {
    for (clang::Expr *Init : LE->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  bool TraverseDecl(clang::Decl *D) {
    if (D &&
        (llvm::isa<clang::TagDecl>(D) || llvm::isa<clang::FunctionDecl>(D)))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitVarDecl(clang::VarDecl *VD) {
    if (!isLocal(VD))
      return true;
    auto &S = VO.Sources[VD];
    if (const clang::Expr *Init = VD->getInit())
      S.push_back(Init);
    return true;
  }
  bool VisitCXXForRangeStmt(clang::CXXForRangeStmt *FS) {
    if (clang::VarDecl *LV = FS->getLoopVariable())
      VO.Sources[LV].push_back(FS->getRangeInit());
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      addWrite(BO->getLHS(), BO);
    return true;
  }
  bool VisitCallExpr(clang::CallExpr *CE) {
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    unsigned FirstArg = 0;
    if (const auto *OC = llvm::dyn_cast<clang::CXXOperatorCallExpr>(CE)) {
      // a = b, s += x, ss << x: the left operand is written with the call.
      if (const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(FD)) {
        if (!MD->isConst())
          addWrite(OC->getArg(0), CE);
        FirstArg = 1;
      } else if (OC->getNumArgs() > 0 && FD && FD->getNumParams() > 0 &&
                 isWritableArg(FD->getParamDecl(0))) {
        addWrite(OC->getArg(0), CE);
      }
    } else if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(CE)) {
      if (const auto *MD = MC->getMethodDecl(); MD && !MD->isConst())
        addWrite(MC->getImplicitObjectArgument(), CE);
    }
    if (!FD)
      return true;
    bool Event = VO.IsEventFetch(CE);
    for (unsigned I = FirstArg, N = CE->getNumArgs(); I < N; ++I) {
      unsigned P = I - FirstArg;
      bool Writable = P < FD->getNumParams()
                          ? isWritableArg(FD->getParamDecl(P))
                          : FD->isVariadic() && Event;
      if (Writable)
        addWrite(CE->getArg(I), CE);
    }
    return true;
  }

private:
  void addWrite(const clang::Expr *Target, const clang::Expr *Source) {
    if (const clang::VarDecl *VD = referencedVar(Target); isLocal(VD))
      VO.Sources[VD].push_back(Source);
  }
  ValueOrigins &VO;
};

ValueOrigins::ValueOrigins(const clang::FunctionDecl *Fn,
                           const clang::Stmt *Body,
                           EventFetchPredicate IsEventFetch)
    : IsEventFetch(std::move(IsEventFetch)) {
  if (Fn) {
    for (unsigned I = 0, N = Fn->getNumParams();
         I < N && I < ValueOrigin::MaxParams; ++I)
      ParamIndex[Fn->getParamDecl(I)] = I;
    const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(Fn);
    HasObject = MD && MD->isInstance() && !MD->getParent()->isLambda();
  }
  collect(Body);
  solve();
}

void ValueOrigins::collect(const clang::Stmt *Body) {
  if (!Body)
    return;
  SourceCollector C(*this);
  C.TraverseStmt(const_cast<clang::Stmt *>(Body));
}

void ValueOrigins::solve() {
  // Start every local at "constant" (the identity of the join) and widen.
  for (auto &[VD, _] : Sources)
    Locals[VD] = constant();
  for (unsigned Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (auto &[VD, Exprs] : Sources) {
      ValueOrigin O = constant();
      for (const clang::Expr *E : Exprs)
        O = joinOrigins(O, originOf(E, 0));
      ValueOrigin &Cur = Locals[VD];
      ValueOrigin New = joinOrigins(Cur, O);
      if (New.Constant != Cur.Constant || New.ParamMask != Cur.ParamMask ||
          New.Other != Cur.Other) {
        Cur = New;
        Changed = true;
      }
    }
    if (!Changed)
      return;
  }
}

ValueOrigin ValueOrigins::originOf(const clang::Expr *E) const {
  return originOf(E, 0);
}

ValueOrigin ValueOrigins::originOf(const clang::VarDecl *VD) const {
  return originOfVar(VD, 0);
}

llvm::ArrayRef<const clang::Expr *>
ValueOrigins::definitionsOf(const clang::VarDecl *VD) const {
  auto It = Sources.find(VD);
  if (It == Sources.end())
    return {};
  return It->second;
}

ValueOrigin ValueOrigins::objectOrigin() const {
  if (!HasObject)
    return other(); // a lambda's `this` is captured state
  ValueOrigin O;
  O.ParamMask = uint64_t(1) << ValueOrigin::ThisBit;
  return O;
}

ValueOrigin ValueOrigins::originOfVar(const clang::VarDecl *VD,
                                      unsigned Depth) const {
  if (const auto *PVD = llvm::dyn_cast<clang::ParmVarDecl>(VD)) {
    auto It = ParamIndex.find(PVD);
    if (It == ParamIndex.end())
      return other(); // another function's parameter (a lambda capture)
    ValueOrigin O;
    O.ParamMask = uint64_t(1) << It->second;
    return O;
  }
  if (auto It = Locals.find(VD); It != Locals.end())
    return It->second;
  // A global, a static, or a variable captured from the enclosing function:
  // constant only when it is const (or constexpr) with a constant
  // initialiser; captures are never this function's parameters.
  if (VD->isConstexpr())
    return constant();
  const clang::Expr *Init = VD->getAnyInitializer();
  if (!Init || !VD->getType().isConstQualified() || Depth >= MaxDepth)
    return other();
  ValueOrigins Outer(nullptr, nullptr);
  ValueOrigin O = Outer.originOf(Init, Depth + 1);
  if (O.Constant)
    return O;
  return other();
}

ValueOrigin ValueOrigins::originOf(const clang::Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return other();
  E = peelTemporaries(E);
  if (llvm::isa<clang::StringLiteral, clang::IntegerLiteral,
                clang::FloatingLiteral, clang::CharacterLiteral,
                clang::CXXBoolLiteralExpr, clang::CXXNullPtrLiteralExpr,
                clang::UnaryExprOrTypeTraitExpr, clang::GNUNullExpr,
                clang::SizeOfPackExpr>(E))
    return constant();
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    const clang::ValueDecl *D = DRE->getDecl();
    if (const auto *VD = llvm::dyn_cast<clang::VarDecl>(D))
      return originOfVar(VD, Depth);
    if (llvm::isa<clang::EnumConstantDecl, clang::FunctionDecl>(D))
      return constant();
    return other();
  }
  if (llvm::isa<clang::CXXThisExpr>(E))
    return objectOrigin();
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E))
    return originOf(ME->getBase(), Depth + 1);
  if (const auto *DA = llvm::dyn_cast<clang::CXXDefaultArgExpr>(E))
    return originOf(DA->getExpr(), Depth + 1);
  if (const auto *DI = llvm::dyn_cast<clang::CXXDefaultInitExpr>(E))
    return originOf(DI->getExpr(), Depth + 1);
  if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(E)) {
    ValueOrigin O = constant();
    if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(CE))
      O = joinOrigins(O, originOf(MC->getImplicitObjectArgument(), Depth + 1));
    for (const clang::Expr *Arg : CE->arguments())
      O = joinOrigins(O, originOf(Arg, Depth + 1));
    if (!preservesConstness(CE->getDirectCallee()))
      O = joinOrigins(O, other());
    if (IsEventFetch(CE))
      O.ParamMask |= uint64_t(1) << ValueOrigin::LoopRequestBit;
    return O;
  }
  if (const auto *CE = llvm::dyn_cast<clang::CXXConstructExpr>(E)) {
    ValueOrigin O = constant();
    for (const clang::Expr *Arg : CE->arguments())
      O = joinOrigins(O, originOf(Arg, Depth + 1));
    return O;
  }
  if (const auto *NE = llvm::dyn_cast<clang::CXXNewExpr>(E)) {
    ValueOrigin O = constant();
    if (NE->hasInitializer())
      O = originOf(NE->getInitializer(), Depth + 1);
    return O;
  }
  if (const auto *ILE = llvm::dyn_cast<clang::InitListExpr>(E)) {
    ValueOrigin O = constant();
    for (const clang::Expr *Init : ILE->inits())
      O = joinOrigins(O, originOf(Init, Depth + 1));
    return O;
  }
  if (const auto *PLE = llvm::dyn_cast<clang::ParenListExpr>(E)) {
    ValueOrigin O = constant();
    for (unsigned I = 0, N = PLE->getNumExprs(); I < N; ++I)
      O = joinOrigins(O, originOf(PLE->getExpr(I), Depth + 1));
    return O;
  }
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E))
    return joinOrigins(originOf(BO->getLHS(), Depth + 1),
                       originOf(BO->getRHS(), Depth + 1));
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
    return originOf(UO->getSubExpr(), Depth + 1);
  if (const auto *CO = llvm::dyn_cast<clang::AbstractConditionalOperator>(E))
    return joinOrigins(originOf(CO->getCond(), Depth + 1),
                       joinOrigins(originOf(CO->getTrueExpr(), Depth + 1),
                                   originOf(CO->getFalseExpr(), Depth + 1)));
  if (const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
    return joinOrigins(originOf(ASE->getBase(), Depth + 1),
                       originOf(ASE->getIdx(), Depth + 1));
  if (llvm::isa<clang::CXXScalarValueInitExpr, clang::ImplicitValueInitExpr,
                clang::CXXNoexceptExpr, clang::TypeTraitExpr>(E))
    return constant();
  return other();
}

} // namespace brisk
