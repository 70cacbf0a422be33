//===- CallFacts.cpp - The calls one function makes -----------------------===//

#include "extract/CallFacts.h"

#include "extract/Callables.h"
#include "extract/CatalogFacts.h"
#include "extract/ExprPeeling.h"
#include "extract/HandlerFacts.h"
#include "extract/StateRefs.h"
#include "extract/StringFacts.h"

#include "clang/AST/Attr.h"

#include <algorithm>

namespace brisk {

using namespace clang;

namespace {

struct FactoryInfo {
  llvm::StringLiteral Name;
  unsigned SkipArgs; // leading arguments that are not constructor arguments
};

/// Calls that construct their first template argument inside a library
/// header; the construction is attributed to the caller's site.
constexpr FactoryInfo Factories[] = {
    {"std::make_unique", 0},
    {"std::make_shared", 0},
    {"std::make_unique_for_overwrite", 0},
    {"std::allocate_shared", 1},
    {"Aws::MakeShared", 1},
    {"Aws::MakeUnique", 1},
    {"Aws::New", 1},
};

const FactoryInfo *factoryOf(const FunctionDecl *FD) {
  if (!FD || !FD->getTemplateSpecializationArgs() ||
      !FD->getDeclName().isIdentifier())
    return nullptr;
  llvm::StringRef Short = FD->getName();
  if (!Short.starts_with("make_") && !Short.starts_with("Make") &&
      Short != "New" && Short != "allocate_shared")
    return nullptr;
  std::string Name = qualifiedName(FD);
  for (const FactoryInfo &F : Factories)
    if (Name == F.Name)
      return &F;
  return nullptr;
}

/// The constructor a library factory (make_unique<T>(args...)) calls,
/// chosen by arity; null when several fit or none is declared yet.
const CXXConstructorDecl *pickConstructor(const CXXRecordDecl *RD,
                                          llvm::ArrayRef<const Expr *> Args) {
  const CXXConstructorDecl *Found = nullptr;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isDeleted() || C->isCopyOrMoveConstructor())
      continue;
    if (Args.size() < C->getMinRequiredArguments() ||
        (Args.size() > C->getNumParams() && !C->isVariadic()))
      continue;
    if (Found)
      return nullptr;
    Found = C;
  }
  return Found;
}

bool assignsOtherToMember(const Stmt *S, const ValueOrigins &In) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  const Expr *Target = nullptr, *Value = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp()) {
    Target = BO->getLHS();
    Value = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
             OC && OC->isAssignmentOp() && OC->getNumArgs() == 2) {
    Target = OC->getArg(0);
    Value = OC->getArg(1);
  }
  if (Target)
    if (const auto *ME = dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts());
        ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
        In.originOf(Value).Other)
      return true;
  for (const Stmt *Child : S->children())
    if (assignsOtherToMember(Child, In))
      return true;
  return false;
}

/// Whether a constructor stores in its members a value that is neither
/// constant nor one of its parameters (an environment variable, a file):
/// its object then is not its arguments alone.
bool storesOtherState(const CXXConstructorDecl *Ctor) {
  const auto *Def = dyn_cast_or_null<CXXConstructorDecl>(
      Ctor ? Ctor->getDefinition() : nullptr);
  if (!Def)
    return false;
  ValueOrigins Inside(Def, Def->getBody());
  for (const CXXCtorInitializer *Init : Def->inits())
    if (Init->isWritten() && Inside.originOf(Init->getInit()).Other)
      return true;
  return assignsOtherToMember(Def->getBody(), Inside);
}

} // namespace

void CallFacts::onCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return;
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (isa<CXXOperatorCallExpr>(CE) && MD && !Args.empty())
    Args.erase(Args.begin()); // the object is not a parameter

  if (onFactory(CE, FD, Args))
    return;

  if (isRunHandler(FD)) {
    addEdge(FD, CallKind::Direct, CE->getBeginLoc(), Args);
    return;
  }

  CallKind Kind = CallKind::Direct;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
      MC && MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>()) {
    const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
    if (!ME || !ME->hasQualifier())
      Kind = CallKind::Virtual;
  }
  SourceLocation Loc = CE->getBeginLoc();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Loc = MC->getExprLoc(); // the method name: obj.open(...)
  const Expr *Object = nullptr;
  if (MD && MD->isInstance() && !MD->isConst()) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      Object = MC->getImplicitObjectArgument();
    else if (isa<CXXOperatorCallExpr>(CE) && CE->getNumArgs() > 0)
      Object = CE->getArg(0);
  }
  addEdge(FD, Kind, Loc, Args, objectOfCall(CE, MD), CE, Object);
  recordCallMatches(F, CE, FD, Args, Loc);

  // Calling a stored lambda through its variable (or a std::function).
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
      OC && OC->getOperator() == OO_Call)
    if (const CXXMethodDecl *Op = storedLambda(OC->getArg(0)); Op && Op != FD)
      addEdge(Op, CallKind::Callable, Loc, Args);
  for (const Expr *Arg : Args)
    if (storedLambda(Arg))
      addCallableUse(Arg, Arg->getBeginLoc());
}

bool CallFacts::onFactory(const CallExpr *CE, const FunctionDecl *FD,
                          llvm::ArrayRef<const Expr *> Args) {
  const FactoryInfo *Factory = factoryOf(FD);
  if (!Factory)
    return false;
  const TemplateArgument &First = FD->getTemplateSpecializationArgs()->get(0);
  QualType T = First.getKind() == TemplateArgument::Type ? First.getAsType()
                                                         : QualType();
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  onConstruct(RD, nullptr,
              Args.drop_front(std::min<size_t>(Factory->SkipArgs, Args.size())),
              CE->getBeginLoc(), 0, initialisedBy(CE));
  return true;
}

void CallFacts::onConstructExpr(const CXXConstructExpr *CE) {
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  size_t Before = F.Target->Calls.size();
  onConstruct(CE->getConstructor()->getParent(), CE->getConstructor(), Args,
              CE->getBeginLoc(), 0, initialisedBy(CE));
  if (F.Target->Calls.size() > Before &&
      F.Target->Calls[Before].Kind == CallKind::Constructor)
    F.Target->Calls[Before].ObjectRef = constructedObject(CE);
}

const VarDecl *CallFacts::initialisedBy(const Expr *E) const {
  return Initialising && peelTemporaries(Initialising->getInit()) == E
             ? Initialising
             : nullptr;
}

StateRef CallFacts::constructedObject(const CXXConstructExpr *CE) const {
  StateRef R;
  R.Root = RefRoot::Local;
  if (!initialisedBy(CE))
    return R;
  if (Initialising->hasGlobalStorage()) {
    R.Root = RefRoot::Global;
    R.USR = usrOf(Initialising);
    R.Name = Initialising->getName().str();
    R.ThreadLocal = Initialising->getTLSKind() != VarDecl::TLS_None;
  }
  return R;
}

void CallFacts::onDelete(const CXXDeleteExpr *DE) {
  if (!DE->getDestroyedType().isNull())
    addDestructor(DE->getDestroyedType(), DE->getBeginLoc(),
                  F.originOf(DE->getArgument()));
}

void CallFacts::onTemporary(const CXXBindTemporaryExpr *BT) {
  addDestructor(BT->getType(), BT->getBeginLoc(), F.originOf(BT->getSubExpr()));
}

void CallFacts::onLambda(const LambdaExpr *LE) {
  if (!StoredLambdas.contains(LE))
    addEdge(LE->getCallOperator(), CallKind::Callable, LE->getBeginLoc(), {});
}

void CallFacts::onVarDeclBegin(const VarDecl *VD) {
  Initialising = VD;
  if (VD->hasLocalStorage() || VD->isStaticLocal())
    if (const Expr *Init = VD->getInit())
      if (const auto *LE = dyn_cast_or_null<LambdaExpr>(unwrapWrapper(Init))) {
        StoredLambdas.insert(LE);
        LambdaVars[VD] = LE->getCallOperator();
      }
}

void CallFacts::onVarDeclEnd(const VarDecl *VD) {
  Initialising = nullptr;
  if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD))
    addDestructor(VD->getType(), VD->getLocation(), F.originOf(VD));
}

void CallFacts::onCallOnce(const CallExpr *CE) {
  if (CE->getNumArgs() > 1)
    addCallableUse(CE->getArg(1), CE->getBeginLoc());
}

void CallFacts::addEdge(const FunctionDecl *Callee, CallKind Kind,
                        SourceLocation L, llvm::ArrayRef<const Expr *> Args,
                        ValueOrigin Object, const Expr *Site,
                        const Expr *ObjectExpr) {
  Callee = summarizedCallee(Callee, F.TU.SM);
  CallSite C;
  C.CalleeUSR = usrOf(Callee);
  C.CalleeName = functionName(Callee);
  C.Kind = Kind;
  C.Loc = F.siteLoc(L);
  C.Once = F.Once;
  C.Locked = F.LockDepth > 0;
  for (const Expr *A : Args)
    C.Args.push_back(F.originOf(A));
  C.Object = Object;
  if (Kind == CallKind::Destructor)
    C.ObjectRef.Root = RefRoot::Local; // of a local, a temporary, a delete
  if (F.TU.isUserDecl(Callee))
    describeArguments(C, Callee, Args, ObjectExpr);
  if (Site)
    F.CallIndex[{F.Target, Site}] = F.Target->Calls.size();
  F.Target->Calls.push_back(std::move(C));
}

void CallFacts::describeArguments(CallSite &C, const FunctionDecl *Callee,
                                  llvm::ArrayRef<const Expr *> Args,
                                  const Expr *ObjectExpr) {
  unsigned Index = F.Target->Calls.size();
  using Pending = FunctionContext::PendingRef;
  bool AnyRef = false, AnyText = false, AnyPrefix = false,
       AnyPrefixCall = false;
  std::vector<StateRef> Refs(Args.size());
  std::vector<std::string> Texts(Args.size()), Prefixes(Args.size()),
      PrefixCalls(Args.size());
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType ParamType = I < Callee->getNumParams()
                             ? Callee->getParamDecl(I)->getType()
                             : QualType();
    if (!ParamType.isNull() && isWritableParamType(ParamType)) {
      // A local counts too: linking tells objects of one invocation apart.
      ResolvedRef R = resolveStateRef(F, Args[I]);
      if (R.Ref.Root != RefRoot::None) {
        Refs[I] = R.Ref;
        AnyRef = true;
        if (R.Call)
          F.PendingRefs.push_back(
              {F.Target, Pending::CallArg, Index, I, R.Call});
      }
    }
    if (C.Args[I].ParamMask != 0) {
      Texts[I] = spelledText(F.TU.SM, F.TU.Ctx.getLangOpts(),
                             Args[I]->getSourceRange());
      AnyText |= !Texts[I].empty();
    }
    if (!ParamType.isNull() && isStringLike(ParamType)) {
      StringStart Start = knownStart(F, Args[I]);
      Prefixes[I] = std::move(Start.Prefix);
      PrefixCalls[I] = std::move(Start.Call);
      AnyPrefix |= !Prefixes[I].empty();
      AnyPrefixCall |= !PrefixCalls[I].empty();
    }
  }
  if (AnyRef)
    C.ArgRefs = std::move(Refs);
  if (AnyText)
    C.ArgTexts = std::move(Texts);
  if (AnyPrefix)
    C.ArgPrefixes = std::move(Prefixes);
  if (AnyPrefixCall)
    C.ArgPrefixCalls = std::move(PrefixCalls);
  if (ObjectExpr) {
    ResolvedRef R = resolveStateRef(F, ObjectExpr);
    C.ObjectRef = R.Ref;
    if (R.Call)
      F.PendingRefs.push_back(
          {F.Target, Pending::CallObject, Index, 0, R.Call});
  }
}

void CallFacts::addDestructor(QualType T, SourceLocation L,
                              ValueOrigin Object) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || !F.TU.isUserDecl(RD))
    return;
  if (const CXXDestructorDecl *D = RD->getDefinition()->getDestructor();
      D && D->isUserProvided())
    addEdge(D, CallKind::Destructor, L, {}, Object);
}

/// Records the construction of RD at L: the constructor edge, catalogue
/// matches, the call operator of a function object, and for a constructor
/// the compiler writes, the members and bases it constructs.
void CallFacts::onConstruct(const CXXRecordDecl *RD,
                            const CXXConstructorDecl *Ctor,
                            llvm::ArrayRef<const Expr *> Args, SourceLocation L,
                            unsigned Depth, const VarDecl *Declared) {
  if (!RD || !RD->hasDefinition() || Depth > 4 || RD->isLambda())
    return;
  RD = RD->getDefinition();
  if (!Ctor)
    Ctor = pickConstructor(RD, Args);
  bool Copy = Ctor && Ctor->isCopyOrMoveConstructor();
  if (Ctor && !Ctor->isTrivial()) {
    addEdge(Ctor, CallKind::Constructor, L, Args,
            objectOfConstruction(RD, Ctor, Args));
    // A new object; a member's is part of an object not followed here.
    F.Target->Calls.back().ObjectRef.Root =
        Depth == 0 ? RefRoot::Local : RefRoot::None;
  }
  if (!Copy)
    recordConstructMatches(F, RD, Args, L, Declared);
  if (Copy || !F.TU.isUserDecl(RD))
    return;
  if (const CXXMethodDecl *Op = callOperatorOf(RD))
    addEdge(Op, CallKind::Callable, L, {});
  bool Generated = !Ctor || Ctor->isImplicit() || Ctor->isDefaulted();
  if (Generated && Args.empty())
    constructMembers(RD, Depth);
}

void CallFacts::constructMembers(const CXXRecordDecl *RD, unsigned Depth) {
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      onConstruct(BR, nullptr, {}, B.getBeginLoc(), Depth + 1);
  for (const FieldDecl *FD : RD->fields()) {
    SourceLocation Saved = F.LocOverride;
    F.LocOverride = FD->getLocation();
    if (const Expr *Init = FD->getInClassInitializer())
      F.Traverse(Init);
    else if (const CXXRecordDecl *FR =
                 F.TU.Ctx.getBaseElementType(FD->getType())
                     ->getAsCXXRecordDecl())
      onConstruct(FR, nullptr, {}, FD->getLocation(), Depth + 1);
    F.LocOverride = Saved;
  }
}

const CXXMethodDecl *CallFacts::storedLambda(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(unwrapWrapper(E));
  if (!DRE)
    return nullptr;
  auto It = LambdaVars.find(DRE->getDecl());
  return It == LambdaVars.end() ? nullptr : It->second;
}

/// A callable handed to a function (std::call_once, an algorithm) is
/// assumed called there.
void CallFacts::addCallableUse(const Expr *E, SourceLocation L) {
  if (const CXXMethodDecl *Op = storedLambda(E)) {
    addEdge(Op, CallKind::Callable, L, {});
    return;
  }
  const Expr *U = peelTemporaries(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(U);
      UO && UO->getOpcode() == UO_AddrOf)
    U = peelTemporaries(UO->getSubExpr());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(U))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      addEdge(FD, CallKind::Direct, L, {});
}

/// The object a method call runs on: `obj.f()`, `p->f()`, `a == b`.
ValueOrigin CallFacts::objectOfCall(const CallExpr *CE,
                                    const CXXMethodDecl *MD) const {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    return F.originOf(MC->getImplicitObjectArgument());
  if (isa<CXXOperatorCallExpr>(CE) && MD && MD->isInstance() &&
      CE->getNumArgs() > 0)
    return F.originOf(CE->getArg(0));
  return unknownObject();
}

/// A constructed object holds what it is built from: the constructor's
/// arguments, the members' default initialisers (which cannot see the
/// constructing function's values), and whatever else the constructor
/// stores in its members.
ValueOrigin
CallFacts::objectOfConstruction(const CXXRecordDecl *RD,
                                const CXXConstructorDecl *Ctor,
                                llvm::ArrayRef<const Expr *> Args) const {
  ValueOrigin O;
  O.Constant = true;
  for (const Expr *A : Args)
    O = joinOrigins(O, F.originOf(A));
  ValueOrigins Outside(nullptr, nullptr);
  for (const FieldDecl *FD : RD->fields())
    if (const Expr *Init = FD->getInClassInitializer())
      O = joinOrigins(O, Outside.originOf(Init));
  if (RD->getNumBases() > 0 || RD->getNumVBases() > 0)
    O.Other = true; // what bases hold is not followed
  if (storesOtherState(Ctor))
    O.Other = true;
  return O;
}

} // namespace brisk
