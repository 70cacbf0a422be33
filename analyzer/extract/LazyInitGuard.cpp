//===- LazyInitGuard.cpp - Recognise `if (!g) { g = ...; }` ---------------===//

#include "extract/LazyInitGuard.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLExtras.h"

namespace brisk {

using namespace clang;

namespace {

/// What a guard tests: a global or static, or a member of one or of the
/// implicit object.
struct Tested {
  const ValueDecl *Decl = nullptr;
  bool OnThis = false;
  explicit operator bool() const { return Decl != nullptr; }
};

/// The variable or member `if (!g)` tests, when it is not a local.
Tested testedNonLocal(const Expr *E) {
  E = peelTemporaries(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // if (!ptr) on a smart pointer or optional (operator bool), and the
    // accessors that read g itself: ptr.get(), flag.load().
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (isa_and_nonnull<CXXConversionDecl>(MD) ||
        (MD && MD->getDeclName().isIdentifier() &&
         (MD->getName() == "get" || MD->getName() == "load")))
      return testedNonLocal(MC->getImplicitObjectArgument());
    return {};
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->hasGlobalStorage())
      return {VD, false};
    return {};
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = peelTemporaries(ME->getBase());
    if (isa<CXXThisExpr>(Base))
      return {ME->getMemberDecl(), true};
    if (Tested Outer = testedNonLocal(Base))
      return {ME->getMemberDecl(), Outer.OnThis};
  }
  return {};
}

bool isMethodNamed(const CXXMemberCallExpr *MC, llvm::StringRef Name) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  return MD && MD->getDeclName().isIdentifier() && MD->getName() == Name;
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

/// `a == b` (Equal) or `a != b`: the side compared with null, if any.
Tested comparedWithNull(const Expr *Cond, bool Equal) {
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == (Equal ? BO_EQ : BO_NE)) {
    L = BO->getLHS();
    R = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond);
             OC && OC->getNumArgs() == 2 &&
             OC->getOperator() == (Equal ? OO_EqualEqual : OO_ExclaimEqual)) {
    L = OC->getArg(0);
    R = OC->getArg(1);
  }
  if (!L)
    return {};
  if (isNullLike(R))
    return testedNonLocal(L);
  if (isNullLike(L))
    return testedNonLocal(R);
  return {};
}

/// How a condition tests its guard variable.
enum class Test {
  NotInitialised, // !g, g == nullptr, !g.has_value(), g.empty()
  Set,            // g: a flag the block clears
  SetsItself,     // !g.exchange(true), !g.test_and_set()
};

struct Guard {
  Tested Target;
  Test How = Test::NotInitialised;
};

/// The non-local a lazy-init condition tests for "not yet initialised" or
/// for a set flag.
Guard lazyGuardTarget(const Expr *Cond) {
  Cond = peelTemporaries(Cond);
  // `if (!g || broken(g)) g = make();`: built when missing, rebuilt when
  // it went bad (a reconnect): still the one instance every invocation
  // reuses. `if (!g && wanted) g = make();` runs at most once too.
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && (BO->getOpcode() == BO_LOr || BO->getOpcode() == BO_LAnd)) {
    for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (Guard G = lazyGuardTarget(Side);
          G.Target && G.How == Test::NotInitialised)
        return G;
    return {};
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    if (isMethodNamed(MC, "empty"))
      return {testedNonLocal(MC->getImplicitObjectArgument())};
    if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) ||
        isMethodNamed(MC, "load"))
      return {testedNonLocal(MC->getImplicitObjectArgument()), Test::Set};
    return {};
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return {};
    const Expr *Sub = peelTemporaries(UO->getSubExpr());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Sub)) {
      if (isMethodNamed(MC, "has_value"))
        return {testedNonLocal(MC->getImplicitObjectArgument())};
      if (isMethodNamed(MC, "exchange") || isMethodNamed(MC, "test_and_set"))
        return {testedNonLocal(MC->getImplicitObjectArgument()),
                Test::SetsItself};
    }
    return {testedNonLocal(Sub)};
  }
  if (Tested T = comparedWithNull(Cond, /*Equal=*/true))
    return {T};
  if (isa<DeclRefExpr, MemberExpr>(Cond) && Cond->getType()->isBooleanType())
    return {testedNonLocal(Cond), Test::Set};
  return {};
}

/// The non-local a condition tests for "already initialised" (the test of
/// an early return): g, g != nullptr, g.has_value(), !g.empty().
Tested initialisedTarget(const Expr *Cond) {
  Cond = peelTemporaries(Cond);
  // `if (g && healthy(g)) return *g;`
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_LAnd) {
    if (Tested T = initialisedTarget(BO->getLHS()))
      return T;
    return initialisedTarget(BO->getRHS());
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    if (isMethodNamed(MC, "has_value") ||
        isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      return testedNonLocal(MC->getImplicitObjectArgument());
    return {};
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return {};
    if (const auto *MC =
            dyn_cast<CXXMemberCallExpr>(peelTemporaries(UO->getSubExpr()));
        MC && isMethodNamed(MC, "empty"))
      return testedNonLocal(MC->getImplicitObjectArgument());
    return {};
  }
  if (Tested T = comparedWithNull(Cond, /*Equal=*/false))
    return T;
  if (isa<DeclRefExpr, MemberExpr>(Cond))
    return testedNonLocal(Cond);
  return {};
}

bool isFalseLike(const Expr *E) {
  E = peelTemporaries(E);
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return !B->getValue();
  return isNullLike(E);
}

/// Whether S clears the flag G: `g = false`, g.store(false).
bool clears(const Stmt *S, const ValueDecl *G) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign && refersTo(BO->getLHS(), G) &&
      isFalseLike(BO->getRHS()))
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      refersTo(OC->getArg(0), G) && isFalseLike(OC->getArg(1)))
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      MC && isMethodNamed(MC, "store") && MC->getNumArgs() > 0 &&
      refersTo(MC->getImplicitObjectArgument(), G) &&
      isFalseLike(MC->getArg(0)))
    return true;
  for (const Stmt *Child : S->children())
    if (clears(Child, G))
      return true;
  return false;
}

bool returnsOrThrows(const Stmt *S) {
  if (isa<ReturnStmt, CXXThrowExpr>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && returnsOrThrows(CS->body_back());
  if (const auto *E = dyn_cast<ExprWithCleanups>(S))
    return isa<CXXThrowExpr>(E->getSubExpr());
  return false;
}

OnceKind kindFor(const Tested &T) {
  return T.OnThis ? OnceKind::LazyInitMember : OnceKind::LazyInitGuard;
}

/// Whether S assigns, resets or emplaces G.
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

OnceKind lazyInitGuard(const IfStmt *S) {
  Guard G = lazyGuardTarget(S->getCond());
  if (!G.Target)
    return OnceKind::None;
  bool Once = false;
  switch (G.How) {
  case Test::NotInitialised:
    Once = initialises(S->getThen(), G.Target.Decl);
    break;
  case Test::Set:
    Once = clears(S->getThen(), G.Target.Decl);
    break;
  case Test::SetsItself:
    Once = true;
    break;
  }
  return Once ? kindFor(G.Target) : OnceKind::None;
}

OnceKind earlyReturnGuard(const IfStmt *S, llvm::ArrayRef<const Stmt *> Rest) {
  if (S->getElse() || !returnsOrThrows(S->getThen()))
    return OnceKind::None;
  Tested T = initialisedTarget(S->getCond());
  if (!T)
    return OnceKind::None;
  for (const Stmt *R : Rest)
    if (initialises(R, T.Decl))
      return kindFor(T);
  return OnceKind::None;
}

} // namespace brisk
