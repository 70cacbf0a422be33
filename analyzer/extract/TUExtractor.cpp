//===- TUExtractor.cpp - Summarise one parsed translation unit ------------===//
//
// Two passes: a collector finds every function defined outside system headers
// (including lambdas' call operators), then a walker per function records
// what it does. Facts inside a Runtime API polling loop go to a synthetic
// function for the loop body, which is registered as a handler.
//
//===----------------------------------------------------------------------===//

#include "extract/TUExtractor.h"

#include "extract/CatalogMatcher.h"
#include "extract/DeclNames.h"
#include "extract/ExprPeeling.h"
#include "extract/LazyInitGuard.h"
#include "extract/ValueOrigins.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <deque>
#include <tuple>

namespace brisk {

namespace {

using namespace clang;

/// The expression a std::function (or any converting constructor of one
/// argument) was built from.
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

bool hasHandlerAnnotation(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "brisk::handler")
        return true;
  return false;
}

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

class TUState {
public:
  TUState(ASTContext &Ctx, const InitCatalog *Catalog, TUSummary &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Matcher(Catalog), Out(Out) {}

  bool isSystem(SourceLocation L) const {
    return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }
  bool isUserDecl(const Decl *D) const {
    return D && !isSystem(D->getLocation());
  }

  /// What a statement does with the Runtime API, looking into the
  /// functions it calls directly up to Depth levels.
  struct RuntimeUse {
    bool Fetches = false; // asks for the next invocation
    bool Posts = false;   // posts a response or an error
  };

  RuntimeUse runtimeUse(const Stmt *S, unsigned Depth) {
    RuntimeUse U;
    scanRuntimeUse(S, Depth, U);
    return U;
  }

  /// Whether a call hands back the next event: a fetch itself, or a call of
  /// one of this TU's functions that fetches (nextEvent(api)).
  bool fetchesEvent(const CallExpr *CE) {
    if (fetchesRuntimeEvent(CE))
      return true;
    const FunctionDecl *FD = CE->getDirectCallee();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || !isUserDecl(Def))
      return false;
    auto [It, New] = Fetchers.try_emplace(Def, false);
    if (New)
      It->second = runtimeUse(Def->getBody(), /*Depth=*/1).Fetches;
    return It->second;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  CatalogMatcher Matcher;
  TUSummary &Out;

private:
  static bool postsResponse(const Stmt *S) {
    if (const auto *SL = dyn_cast<StringLiteral>(S))
      return SL->getCharByteWidth() == 1 &&
             (SL->getString().contains("/response") ||
              SL->getString().contains("/error"));
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && FD->getDeclName().isIdentifier() &&
          (FD->getName() == "post_success" || FD->getName() == "post_failure"))
        return qualifiedName(FD).starts_with("aws::lambda_runtime::");
    return false;
  }

  void scanRuntimeUse(const Stmt *S, unsigned Depth, RuntimeUse &U) {
    if (!S || isa<LambdaExpr>(S) || (U.Fetches && U.Posts))
      return;
    if (const auto *SL = dyn_cast<StringLiteral>(S);
        SL && mentionsNextInvocationPath(SL))
      U.Fetches = true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
        DRE && mentionsNextInvocationPath(DRE))
      U.Fetches = true;
    if (postsResponse(S))
      U.Posts = true;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (fetchesRuntimeEvent(CE))
        U.Fetches = true;
      if (const FunctionDecl *FD = CE->getDirectCallee(); FD && Depth > 0)
        if (const FunctionDecl *Def = FD->getDefinition();
            Def && isUserDecl(Def) && Visiting.insert(Def).second) {
          scanRuntimeUse(Def->getBody(), Depth - 1, U);
          Visiting.erase(Def);
        }
    }
    for (const Stmt *Child : S->children())
      scanRuntimeUse(Child, Depth, U);
  }

  llvm::DenseSet<const FunctionDecl *> Visiting;
  llvm::DenseMap<const FunctionDecl *, bool> Fetchers;
};

class FunctionWalker : public RecursiveASTVisitor<FunctionWalker> {
  using Base = RecursiveASTVisitor<FunctionWalker>;

public:
  FunctionWalker(TUState &TU, const FunctionDecl *Fn)
      : TU(TU), Fn(Fn), Origins(Fn, Fn->getBody(), [&TU](const CallExpr *CE) {
          return TU.fetchesEvent(CE);
        }) {}

  void run() {
    Summary.USR = usrOf(Fn);
    Summary.QualifiedName = qualifiedName(Fn);
    Summary.Loc = sourceLoc(TU.SM, Fn->getLocation());
    Summary.IsMain = Fn->isMain();
    Summary.IsAnnotatedHandler = hasHandlerAnnotation(Fn);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Fn)) {
      Summary.IsLambda = MD->getParent()->isLambda();
      addOverrides(MD);
    }
    Target = &Summary;
    findPollingLoops(Fn->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        SourceLocation Saved = LocOverride;
        if (!Init->isWritten())
          LocOverride = Init->isAnyMemberInitializer()
                            ? Init->getAnyMember()->getLocation()
                            : Fn->getLocation();
        TraverseStmt(Init->getInit());
        LocOverride = Saved;
      }
    TraverseStmt(Fn->getBody());
    TU.Out.Functions.push_back(std::move(Summary));
    for (FunctionSummary &Loop : Loops)
      TU.Out.Functions.push_back(std::move(Loop));
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
    // A lambda kept in a variable is assumed called where the variable is
    // called or handed on, not where it is created.
    if (!StoredLambdas.contains(LE))
      addEdge(LE->getCallOperator(), CallKind::Callable, LE->getBeginLoc(), {});
    return true;
  }

  bool TraverseVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() || VD->isStaticLocal())
      if (const Expr *Init = VD->getInit())
        if (const auto *LE =
                dyn_cast_or_null<LambdaExpr>(unwrapWrapper(Init))) {
          StoredLambdas.insert(LE);
          LambdaVars[VD] = LE->getCallOperator();
        }
    OnceKind Saved = Once;
    if (VD->isStaticLocal() && Once == OnceKind::None)
      Once = OnceKind::StaticLocalInit;
    bool R = Base::TraverseVarDecl(VD);
    Once = Saved;
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD))
      addDestructor(VD->getType(), VD->getLocation(), originOf(VD));
    return R;
  }

  bool TraverseIfStmt(IfStmt *S) {
    if (!lazyInitTarget(S))
      return Base::TraverseIfStmt(S);
    TraverseStmt(S->getInit());
    TraverseStmt(S->getConditionVariableDeclStmt());
    TraverseStmt(S->getCond());
    OnceKind Saved = Once;
    if (Once == OnceKind::None)
      Once = OnceKind::LazyInitGuard;
    TraverseStmt(S->getThen());
    Once = Saved;
    TraverseStmt(S->getElse());
    return true;
  }

  bool TraverseCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!hasQualifiedName(FD, "std::call_once"))
      return Base::TraverseCallExpr(CE);
    OnceKind Saved = Once;
    if (Once == OnceKind::None)
      Once = OnceKind::CallOnce;
    bool R = Base::TraverseCallExpr(CE);
    if (CE->getNumArgs() > 1)
      addCallableUse(CE->getArg(1), CE->getBeginLoc());
    Once = Saved;
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
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return true;
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (isa<CXXOperatorCallExpr>(CE) && MD && !Args.empty())
      Args.erase(Args.begin()); // the object is not a parameter

    if (const FactoryInfo *F = factoryOf(FD)) {
      QualType T = FD->getTemplateSpecializationArgs()->get(0).getKind() ==
                           TemplateArgument::Type
                       ? FD->getTemplateSpecializationArgs()->get(0).getAsType()
                       : QualType();
      if (const CXXRecordDecl *RD =
              T.isNull() ? nullptr : T->getAsCXXRecordDecl()) {
        llvm::ArrayRef<const Expr *> CtorArgs(Args);
        onConstruct(
            RD, nullptr,
            CtorArgs.drop_front(std::min<size_t>(F->SkipArgs, CtorArgs.size())),
            CE->getBeginLoc());
        return true;
      }
    }

    if (isRunHandler(FD)) {
      if (!Args.empty())
        registerHandler(Args[0], CE->getBeginLoc());
      addEdge(FD, CallKind::Direct, CE->getBeginLoc(), Args);
      return true;
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
    addEdge(FD, Kind, Loc, Args, objectOfCall(CE, MD));
    for (const InitCatalogEntry *E : TU.Matcher.matchCall(FD, Args, TU.Ctx))
      addMatch(*E, qualifiedName(FD), Loc, Args);

    // Calling a stored lambda through its variable (or a std::function).
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && OC->getOperator() == OO_Call)
      if (const CXXMethodDecl *Op = storedLambda(OC->getArg(0)); Op && Op != FD)
        addEdge(Op, CallKind::Callable, Loc, Args);
    for (const Expr *Arg : Args)
      if (storedLambda(Arg))
        addCallableUse(Arg, Arg->getBeginLoc());
    return true;
  }

  /// After a fatal error (a missing header) clang instantiates no more
  /// templates, so `run_handler(f)` cannot convert f to std::function and
  /// survives only as a RecoveryExpr over the callee's name and argument.
  /// The name lookup already happened: when every function it found is the
  /// Runtime's run_handler, the call is a registration.
  bool VisitRecoveryExpr(RecoveryExpr *RE) {
    llvm::ArrayRef<Expr *> Parts = RE->subExpressions();
    if (Parts.size() == 2 && namesRunHandler(Parts[0]))
      registerHandler(Parts[1], RE->getBeginLoc());
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    onConstruct(CE->getConstructor()->getParent(), CE->getConstructor(), Args,
                CE->getBeginLoc());
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    if (!DE->getDestroyedType().isNull())
      addDestructor(DE->getDestroyedType(), DE->getBeginLoc(),
                    originOf(DE->getArgument()));
    return true;
  }

  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *BT) {
    addDestructor(BT->getType(), BT->getBeginLoc(), originOf(BT->getSubExpr()));
    return true;
  }

private:
  void addOverrides(const CXXMethodDecl *MD) {
    for (const CXXMethodDecl *O : MD->overridden_methods()) {
      std::string U = usrOf(O);
      if (!llvm::is_contained(Summary.Overrides, U)) {
        Summary.Overrides.push_back(U);
        addOverrides(O);
      }
    }
  }

  ValueOrigin originOf(const Expr *E) const {
    return forTarget(Origins.originOf(E));
  }
  ValueOrigin originOf(const VarDecl *VD) const {
    return forTarget(Origins.originOf(VD));
  }

  /// The object a method call runs on: `obj.f()`, `p->f()`, `a == b`.
  ValueOrigin objectOfCall(const CallExpr *CE, const CXXMethodDecl *MD) const {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      return originOf(MC->getImplicitObjectArgument());
    if (isa<CXXOperatorCallExpr>(CE) && MD && MD->isInstance() &&
        CE->getNumArgs() > 0)
      return originOf(CE->getArg(0));
    return unknownObject();
  }

  /// A constructed object holds what it is built from: the constructor's
  /// arguments, the members' default initialisers (which cannot see the
  /// constructing function's values), and whatever else the constructor
  /// stores in its members.
  ValueOrigin objectOfConstruction(const CXXRecordDecl *RD,
                                   const CXXConstructorDecl *Ctor,
                                   llvm::ArrayRef<const Expr *> Args) const {
    ValueOrigin O;
    O.Constant = true;
    for (const Expr *A : Args)
      O = joinOrigins(O, originOf(A));
    ValueOrigins Outside(nullptr, nullptr);
    for (const FieldDecl *F : RD->fields())
      if (const Expr *Init = F->getInClassInitializer())
        O = joinOrigins(O, Outside.originOf(Init));
    if (RD->getNumBases() > 0 || RD->getNumVBases() > 0)
      O.Other = true; // what bases hold is not followed
    if (storesOtherState(Ctor))
      O.Other = true;
    return O;
  }

  /// Whether a constructor stores in its members a value that is neither
  /// constant nor one of its parameters (an environment variable, a file):
  /// its object then is not its arguments alone.
  static bool storesOtherState(const CXXConstructorDecl *Ctor) {
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

  static bool assignsOtherToMember(const Stmt *S, const ValueOrigins &In) {
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

  static ValueOrigin unknownObject() { return CallSite().Object; }

  ValueOrigin forTarget(ValueOrigin O) const {
    if (Target != &Summary) {
      // In a loop body the enclosing function's parameters (main's argv) are
      // not request data; only what the loop fetched is.
      constexpr uint64_t LoopBit = uint64_t(1) << ValueOrigin::LoopRequestBit;
      if (O.ParamMask & ~LoopBit)
        O.Other = true;
      O.ParamMask &= LoopBit;
    }
    return O;
  }

  SourceLoc siteLoc(SourceLocation L) const {
    return sourceLoc(TU.SM, LocOverride.isValid() ? LocOverride : L);
  }

  void addEdge(const FunctionDecl *Callee, CallKind Kind, SourceLocation L,
               llvm::ArrayRef<const Expr *> Args,
               ValueOrigin Object = unknownObject()) {
    Callee = patternOf(Callee);
    CallSite C;
    C.CalleeUSR = usrOf(Callee);
    C.CalleeName = qualifiedName(Callee);
    C.Kind = Kind;
    C.Loc = siteLoc(L);
    C.Once = Once;
    for (const Expr *A : Args)
      C.Args.push_back(originOf(A));
    C.Object = Object;
    Target->Calls.push_back(std::move(C));
  }

  void addMatch(const InitCatalogEntry &E, std::string What, SourceLocation L,
                llvm::ArrayRef<const Expr *> Args) {
    CatalogMatch M;
    M.EntryId = E.Id;
    M.Category = E.Category;
    M.What = std::move(What);
    M.Loc = siteLoc(L);
    M.Once = Once;
    switch (E.Condition) {
    case HoistCondition::Always:
      M.Condition = "always";
      break;
    case HoistCondition::RequestIndependent:
      M.Condition = "request-independent";
      break;
    case HoistCondition::ConstantArgs:
      M.Condition = "constant-args";
      break;
    }
    for (unsigned I : E.Args)
      if (I < Args.size()) {
        M.ArgIndexes.push_back(I);
        M.Args.push_back(originOf(Args[I]));
      }
    Target->Matches.push_back(std::move(M));
  }

  void addDestructor(QualType T, SourceLocation L, ValueOrigin Object) {
    const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || !TU.isUserDecl(RD))
      return;
    if (const CXXDestructorDecl *D = RD->getDefinition()->getDestructor();
        D && D->isUserProvided())
      addEdge(D, CallKind::Destructor, L, {}, Object);
  }

  /// Records the construction of RD at L: the constructor edge, catalogue
  /// matches, the call operator of a function object, and for a constructor
  /// the compiler writes, the members and bases it constructs.
  void onConstruct(const CXXRecordDecl *RD, const CXXConstructorDecl *Ctor,
                   llvm::ArrayRef<const Expr *> Args, SourceLocation L,
                   unsigned Depth = 0) {
    if (!RD || !RD->hasDefinition() || Depth > 4 || RD->isLambda())
      return;
    RD = RD->getDefinition();
    if (!Ctor)
      Ctor = pickConstructor(RD, Args);
    bool Copy = Ctor && Ctor->isCopyOrMoveConstructor();
    if (Ctor && !Ctor->isTrivial())
      addEdge(Ctor, CallKind::Constructor, L, Args,
              objectOfConstruction(RD, Ctor, Args));
    if (!Copy)
      for (const InitCatalogEntry *E :
           TU.Matcher.matchConstruct(RD, Args, TU.Ctx))
        addMatch(*E, className(RD), L, Args);
    if (Copy || !TU.isUserDecl(RD))
      return;
    if (const CXXMethodDecl *Op = callOperatorOf(RD))
      addEdge(Op, CallKind::Callable, L, {});
    bool Generated = !Ctor || Ctor->isImplicit() || Ctor->isDefaulted();
    if (Generated && Args.empty())
      constructMembers(RD, Depth);
  }

  void constructMembers(const CXXRecordDecl *RD, unsigned Depth) {
    for (const CXXBaseSpecifier &B : RD->bases())
      if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
        onConstruct(BR, nullptr, {}, B.getBeginLoc(), Depth + 1);
    for (const FieldDecl *F : RD->fields()) {
      SourceLocation Saved = LocOverride;
      LocOverride = F->getLocation();
      if (const Expr *Init = F->getInClassInitializer())
        TraverseStmt(const_cast<Expr *>(Init));
      else if (const CXXRecordDecl *FR =
                   Ctx().getBaseElementType(F->getType())->getAsCXXRecordDecl())
        onConstruct(FR, nullptr, {}, F->getLocation(), Depth + 1);
      LocOverride = Saved;
    }
  }

  ASTContext &Ctx() { return TU.Ctx; }

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

  const CXXMethodDecl *storedLambda(const Expr *E) const {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(unwrapWrapper(E));
    if (!DRE)
      return nullptr;
    auto It = LambdaVars.find(DRE->getDecl());
    return It == LambdaVars.end() ? nullptr : It->second;
  }

  /// A callable handed to a function (std::call_once, an algorithm) is
  /// assumed called there.
  void addCallableUse(const Expr *E, SourceLocation L) {
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

  /// The function a run_handler argument runs: a function, a lambda, a
  /// function object, or a variable traced back to its initialiser.
  const FunctionDecl *resolveCallable(const Expr *E, unsigned Depth) const {
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
        if (const FunctionDecl *F =
                resolveCallable(VD->getAnyInitializer(), Depth + 1))
          return F;
        if (VD->hasLocalStorage())
          return resolveCallable(assignedValue(Fn->getBody(), VD), Depth + 1);
        return nullptr;
      }
      return nullptr;
    }
    if (const auto *ILE = dyn_cast<InitListExpr>(E);
        ILE && ILE->getNumInits() == 1)
      return resolveCallable(ILE->getInit(0), Depth + 1);
    // A function object; an empty std::function is not one.
    const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
    if (RD && !RD->isInStdNamespace())
      return callOperatorOf(RD);
    return nullptr;
  }

  /// What `V = X;` in this function's body stores into V (the last such
  /// assignment), for a variable declared without a callable.
  const Expr *assignedValue(const Stmt *S, const ValueDecl *V) const {
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

  static bool isRunHandler(const NamedDecl *D) {
    const auto *FD =
        dyn_cast_or_null<FunctionDecl>(D ? D->getUnderlyingDecl() : nullptr);
    return hasQualifiedName(FD, "aws::lambda_runtime::run_handler");
  }

  static bool namesRunHandler(const Expr *Callee) {
    Callee = Callee->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
      return isRunHandler(DRE->getDecl());
    const auto *ULE = dyn_cast<UnresolvedLookupExpr>(Callee);
    if (!ULE || ULE->getNumDecls() == 0)
      return false;
    return llvm::all_of(ULE->decls(),
                        [](const NamedDecl *D) { return isRunHandler(D); });
  }

  void registerHandler(const Expr *Arg, SourceLocation L) {
    const FunctionDecl *H = patternOf(resolveCallable(Arg, 0));
    if (!H)
      return;
    HandlerRegistration R;
    R.HandlerUSR = usrOf(H);
    R.DisplayName = qualifiedName(H);
    R.Kind = HandlerKind::RunHandlerArgument;
    R.Loc = sourceLoc(TU.SM, L);
    TU.Out.Handlers.push_back(std::move(R));
  }

  void findPollingLoops(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    const Stmt *Body = nullptr;
    if (const auto *W = dyn_cast<WhileStmt>(S))
      Body = W->getBody();
    else if (const auto *D = dyn_cast<DoStmt>(S))
      Body = D->getBody();
    else if (const auto *F = dyn_cast<ForStmt>(S))
      Body = F->getBody();
    else if (const auto *R = dyn_cast<CXXForRangeStmt>(S))
      Body = R->getBody();
    // A loop that fetches events and posts responses; a retry loop around
    // the fetch alone (in a helper) is not the handler.
    if (Body && isPollingLoopBody(Body)) {
      PollingLoops.insert(S);
      return; // the outermost polling loop is the handler
    }
    for (const Stmt *Child : S->children())
      findPollingLoops(Child);
  }

  bool isPollingLoopBody(const Stmt *Body) {
    TUState::RuntimeUse U = TU.runtimeUse(Body, /*Depth=*/2);
    return U.Fetches && U.Posts;
  }

  template <typename Fn> bool traverseLoop(Stmt *S, Fn TraverseBase) {
    if (!PollingLoops.contains(S))
      return TraverseBase();
    SourceLoc L = sourceLoc(TU.SM, S->getBeginLoc());
    FunctionSummary Loop;
    Loop.USR = Summary.USR + "#loop@" + std::to_string(L.Line) + ":" +
               std::to_string(L.Column);
    Loop.QualifiedName = Summary.QualifiedName + "::loop";
    Loop.Loc = L;
    Loops.push_back(std::move(Loop));
    HandlerRegistration R;
    R.HandlerUSR = Loops.back().USR;
    R.DisplayName = Loops.back().QualifiedName;
    R.Kind = HandlerKind::PollingLoop;
    R.Loc = L;
    TU.Out.Handlers.push_back(std::move(R));

    FunctionSummary *Saved = Target;
    OnceKind SavedOnce = Once;
    Target = &Loops.back();
    Once = OnceKind::None;
    bool Result = TraverseBase();
    Target = Saved;
    Once = SavedOnce;
    return Result;
  }

  TUState &TU;
  const FunctionDecl *Fn;
  ValueOrigins Origins;
  FunctionSummary Summary;
  std::deque<FunctionSummary> Loops;
  FunctionSummary *Target = nullptr;
  OnceKind Once = OnceKind::None;
  SourceLocation LocOverride;
  llvm::DenseSet<const Stmt *> PollingLoops;
  llvm::DenseSet<const LambdaExpr *> StoredLambdas;
  llvm::DenseMap<const ValueDecl *, const CXXMethodDecl *> LambdaVars;
};

/// Finds the functions to summarise: every definition outside system
/// headers, lambdas' call operators included.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
  using Base = RecursiveASTVisitor<FunctionCollector>;

public:
  explicit FunctionCollector(TUState &TU) : TU(TU) {}

  bool TraverseDecl(Decl *D) {
    if (!D || (!isa<TranslationUnitDecl>(D) && TU.isSystem(D->getLocation())))
      return true;
    return Base::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDeleted() &&
        !FD->isDefaulted())
      Functions.insert(FD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (CXXMethodDecl *Op = LE->getCallOperator(); Op && Op->hasBody())
      Functions.insert(Op);
    return true;
  }

  llvm::SetVector<const FunctionDecl *> Functions;

private:
  TUState &TU;
};

/// The main file and every header the TU read.
std::vector<FileRead> filesRead(const SourceManager &SM) {
  std::vector<FileRead> Out;
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile())
      continue;
    if (OptionalFileEntryRef FE = E.getFile().getContentCache().OrigEntry) {
      // The name as found can hold "dir/../" through a symlink (GCC's
      // include/c++ paths): only the real path is sure to name the file.
      llvm::SmallString<256> Path(FE->getFileEntry().tryGetRealPathName());
      if (Path.empty()) {
        Path = FE->getName();
        SM.getFileManager().makeAbsolutePath(Path);
        llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      }
      Out.push_back({std::string(Path),
                     E.getFile().getFileCharacteristic() != SrcMgr::C_User});
    }
  }
  auto ByPath = [](const FileRead &A, const FileRead &B) {
    return A.Path < B.Path;
  };
  llvm::sort(Out, ByPath);
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const FileRead &A, const FileRead &B) {
                          return A.Path == B.Path;
                        }),
            Out.end());
  return Out;
}

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(const InitCatalog *Catalog, TUSummary &Out,
                  std::vector<FileRead> *Deps, SourceManager &SM)
      : Catalog(Catalog), Out(Out), Deps(Deps), SM(SM) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    summarizeTranslationUnit(Ctx, Catalog, Out);
    if (Deps)
      *Deps = filesRead(SM);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

private:
  const InitCatalog *Catalog;
  TUSummary &Out;
  std::vector<FileRead> *Deps;
  SourceManager &SM;
};

} // namespace

void summarizeTranslationUnit(ASTContext &Ctx, const InitCatalog *Catalog,
                              TUSummary &Out) {
  TUState TU(Ctx, Catalog, Out);
  FunctionCollector Collector(TU);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *FD : Collector.Functions)
    FunctionWalker(TU, FD).run();
  // Keep the order independent of how clang happened to visit declarations.
  std::stable_sort(Out.Functions.begin(), Out.Functions.end(),
                   [](const FunctionSummary &A, const FunctionSummary &B) {
                     return std::tie(A.Loc, A.USR) < std::tie(B.Loc, B.USR);
                   });
}

std::unique_ptr<ASTConsumer> makeSummaryConsumer(CompilerInstance &CI,
                                                 const InitCatalog *Catalog,
                                                 TUSummary &Out,
                                                 std::vector<FileRead> *Deps) {
  CI.getFrontendOpts().SkipFunctionBodies = true;
  return std::make_unique<SummaryConsumer>(Catalog, Out, Deps,
                                           CI.getSourceManager());
}

} // namespace brisk
