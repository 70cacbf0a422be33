//===- StateRefs.cpp - What an expression names, as a place a write lands -===//

#include "extract/StateRefs.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace brisk {

using namespace clang;

namespace {

constexpr unsigned MaxDepth = 10;

StateRef rootOnly(RefRoot Root) {
  StateRef R;
  R.Root = Root;
  return R;
}

/// Classes whose copies share the object they designate.
bool isHandleClass(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return false;
  if (RD->getName().contains_insensitive("iterator"))
    return RD->isInStdNamespace() || RD->getName().starts_with("__");
  std::string Name = className(RD);
  return Name == "std::shared_ptr" || Name == "std::weak_ptr" ||
         Name == "std::reference_wrapper" || Name == "std::span";
}

/// What a smart pointer or optional designates is the whole object, not an
/// element of it.
bool isPointerHolder(const CXXRecordDecl *RD) {
  std::string Name = className(RD);
  return Name == "std::unique_ptr" || Name == "std::shared_ptr" ||
         Name == "std::optional" || Name == "boost::optional" ||
         Name == "std::reference_wrapper";
}

bool isHandleType(QualType T) {
  return isHandleClass(T.getNonReferenceType()->getAsCXXRecordDecl());
}

/// Types through which a write reaches another object: references,
/// pointers and handles.
bool refersElsewhere(QualType T) {
  return T->isReferenceType() || T->isPointerType() || isHandleType(T);
}

/// ++it, --p, it += n: a definition that moves a pointer or iterator within
/// what it already points into.
bool stepsItself(const Expr *D) {
  if (const auto *UO = dyn_cast<UnaryOperator>(D))
    return UO->isIncrementDecrementOp();
  if (const auto *BO = dyn_cast<BinaryOperator>(D))
    return BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(D))
    return llvm::is_contained(
        {OO_PlusPlus, OO_MinusMinus, OO_PlusEqual, OO_MinusEqual},
        OC->getOperator());
  return false;
}

/// Library functions that hand back (a part of) their first argument.
bool forwardsFirstArgument(const FunctionDecl *FD) {
  if (!FD || !FD->isInStdNamespace() || !FD->getDeclName().isIdentifier())
    return false;
  return llvm::StringSwitch<bool>(FD->getName())
      .Cases("move", "forward", "ref", "addressof", "get", "as_const", true)
      .Default(false);
}

class Resolver {
public:
  explicit Resolver(const FunctionContext &F) : F(F) {}

  ResolvedRef run(const Expr *E) {
    ResolvedRef Out;
    Out.Ref = resolve(E, 0, Out);
    if (Out.Ref.Root != RefRoot::CallResult)
      Out.Call = nullptr;
    if (Out.Ref.Root == RefRoot::None || Out.Ref.Root == RefRoot::Local) {
      Out.KeyedSubscript = nullptr;
      Out.Key = nullptr;
    }
    return Out;
  }

private:
  bool isLibrary(const CXXRecordDecl *RD) const {
    return isLibraryClass(F.TU, RD);
  }

  const StateClass *stateClass(const CXXRecordDecl *RD) const {
    if (!RD || !F.TU.Data.State)
      return nullptr;
    return F.TU.Data.State->findClass(className(RD));
  }

  StateRef resolve(const Expr *E, unsigned Depth, ResolvedRef &Out) {
    if (!E || Depth > MaxDepth)
      return StateRef();
    E = peelTemporaries(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return resolveDecl(DRE, Depth, Out);
    if (isa<CXXThisExpr>(E)) {
      const auto *MD = dyn_cast<CXXMethodDecl>(F.Fn);
      if (!MD || !MD->isInstance() || MD->getParent()->isLambda())
        return StateRef(); // a lambda's `this` is its enclosing object's
      StateRef R = rootOnly(RefRoot::Param);
      R.Index = ValueOrigin::ThisBit;
      return R;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return resolveMember(ME, Depth, Out);
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      Out.Element = true;
      return resolve(ASE->getBase(), Depth + 1, Out);
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf)
        return resolve(UO->getSubExpr(), Depth + 1, Out);
      return StateRef();
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
      return resolveOperator(OC, Depth, Out);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (!refersElsewhere(MC->getType()) && !MC->isLValue())
        return rootOnly(RefRoot::Local); // a temporary
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && isLibrary(MD->getParent())) {
        Out.Element |= !isPointerHolder(MD->getParent());
        return resolve(MC->getImplicitObjectArgument(), Depth + 1, Out);
      }
      return callResult(MC);
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (forwardsFirstArgument(FD) && CE->getNumArgs() > 0)
        return resolve(CE->getArg(0), Depth + 1, Out);
      if (!refersElsewhere(CE->getType()) && !CE->isLValue())
        return rootOnly(RefRoot::Local);
      if (FD && F.TU.isUserDecl(FD))
        return callResult(CE);
      return StateRef();
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      StateRef T = resolve(CO->getTrueExpr(), Depth + 1, Out);
      StateRef Fa = resolve(CO->getFalseExpr(), Depth + 1, Out);
      return T == Fa ? T : StateRef();
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Comma)
        return resolve(BO->getRHS(), Depth + 1, Out);
      if (BO->isAssignmentOp())
        return resolve(BO->getLHS(), Depth + 1, Out);
      return StateRef();
    }
    if (isa<CXXConstructExpr, CXXNewExpr, LambdaExpr, InitListExpr,
            CompoundLiteralExpr, StringLiteral>(E))
      return rootOnly(RefRoot::Local);
    return StateRef();
  }

  StateRef callResult(const CallExpr *CE) {
    Pending = CE;
    return rootOnly(RefRoot::CallResult);
  }

  StateRef resolveDecl(const DeclRefExpr *DRE, unsigned Depth,
                       ResolvedRef &Out) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return StateRef();
    if (VD->hasGlobalStorage()) {
      if (VD->getType().isConstQualified())
        return StateRef(); // nothing can write it
      StateRef R = rootOnly(RefRoot::Global);
      R.USR = usrOf(VD);
      R.Name = VD->isStaticLocal() ? VD->getName().str() : qualifiedName(VD);
      R.ThreadLocal = VD->getTLSKind() != VarDecl::TLS_None;
      return R;
    }
    const DeclContext *Owner = VD->getParentFunctionOrMethod();
    bool Foreign = Owner && Owner != F.Fn;
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
      if (Foreign)
        return rootOnly(RefRoot::Local); // a captured parameter's copy
      if (!refersElsewhere(PVD->getType()))
        return rootOnly(RefRoot::Local);
      StateRef R = rootOnly(RefRoot::Param);
      R.Index = PVD->getFunctionScopeIndex();
      return R;
    }
    if (VD->getType()->isReferenceType()) // what it was bound to
      return resolveBinding(VD->getInit(), Depth, Out);
    if (Foreign)
      return captured(DRE, VD, cast<Decl>(Owner));
    // In a Runtime API loop's body, a local declared before the loop lives
    // across its iterations: state of the loop handler, owned by Fn.
    if (F.inLoopBody() &&
        F.TU.SM.isBeforeInTranslationUnit(VD->getLocation(), F.LoopBegin)) {
      StateRef R = rootOnly(RefRoot::LoopLocal);
      R.USR = usrOf(VD);
      R.Name = VD->getName().str();
      R.Owner = F.Summary.USR;
      return R;
    }
    if (refersElsewhere(VD->getType())) {
      // A local pointer or iterator designates what its only definition
      // made it point to; stepping it (++it) stays in the same object.
      const Expr *Only = nullptr;
      for (const Expr *D : F.Origins.definitionsOf(VD)) {
        if (stepsItself(D))
          continue;
        if (Only)
          return StateRef();
        Only = D;
      }
      return Only ? resolveBinding(Only, Depth, Out) : StateRef();
    }
    return rootOnly(RefRoot::Local);
  }

  /// What a local reference, pointer or iterator was bound to. A map's
  /// operator[] in the binding (`auto &E = m[k];`) inserted k there, where
  /// the binding is written; a write through the local later writes an
  /// element that already exists.
  StateRef resolveBinding(const Expr *Init, unsigned Depth, ResolvedRef &Out) {
    const CXXOperatorCallExpr *Subscript = Out.KeyedSubscript;
    const Expr *Key = Out.Key;
    StateRef R = resolve(Init, Depth + 1, Out);
    Out.KeyedSubscript = Subscript;
    Out.Key = Key;
    return R;
  }

  /// A local of an enclosing function: state of that function's frame that
  /// the lambda reaches when it captured the variable by reference.
  StateRef captured(const DeclRefExpr *DRE, const VarDecl *VD,
                    const Decl *Owner) {
    const auto *MD = dyn_cast<CXXMethodDecl>(F.Fn);
    if (MD && MD->getParent()->isLambda() &&
        DRE->refersToEnclosingVariableOrCapture()) {
      llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
      FieldDecl *ThisField = nullptr;
      MD->getParent()->getCaptureFields(Fields, ThisField);
      auto It = Fields.find(VD);
      if (It != Fields.end() && !It->second->getType()->isReferenceType())
        return rootOnly(RefRoot::Local); // the lambda's own copy
    }
    StateRef R = rootOnly(RefRoot::Captured);
    R.USR = usrOf(VD);
    R.Name = VD->getName().str();
    R.Owner = usrOf(Owner);
    return R;
  }

  StateRef resolveMember(const MemberExpr *ME, unsigned Depth,
                         ResolvedRef &Out) {
    const ValueDecl *D = ME->getMemberDecl();
    if (const auto *VD = dyn_cast<VarDecl>(D)) { // a static data member
      StateRef R = rootOnly(RefRoot::Global);
      if (VD->getType().isConstQualified())
        return StateRef();
      R.USR = usrOf(VD);
      R.Name = qualifiedName(VD);
      R.ThreadLocal = VD->getTLSKind() != VarDecl::TLS_None;
      return R;
    }
    const auto *FD = dyn_cast<FieldDecl>(D);
    if (!FD)
      return StateRef();
    StateRef R = resolve(ME->getBase(), Depth + 1, Out);
    if (R.Root == RefRoot::None || R.Root == RefRoot::Local)
      return R;
    const auto *Record = dyn_cast<CXXRecordDecl>(FD->getParent());
    if (!Record || !isLibrary(Record))
      R.Path += "." + FD->getName().str();
    return R;
  }

  StateRef resolveOperator(const CXXOperatorCallExpr *OC, unsigned Depth,
                           ResolvedRef &Out) {
    if (OC->getNumArgs() == 0)
      return StateRef();
    const Expr *Object = OC->getArg(0);
    const CXXRecordDecl *RD =
        Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
    OverloadedOperatorKind Op = OC->getOperator();
    if (Op == OO_Equal || (OC->isAssignmentOp() && RD && isLibrary(RD)))
      return resolve(Object, Depth + 1, Out); // (a = b) is a
    if (RD && isLibrary(RD) &&
        (Op == OO_Subscript || Op == OO_Star || Op == OO_Arrow)) {
      Out.Element |= Op == OO_Subscript || !isPointerHolder(RD);
      if (Op == OO_Subscript && OC->getNumArgs() == 2)
        if (const StateClass *C = stateClass(RD); C && C->Keyed) {
          Out.KeyedSubscript = OC;
          Out.Key = OC->getArg(1);
        }
      return resolve(Object, Depth + 1, Out);
    }
    // A library operator that returns its left operand (`s << a << b`,
    // `(s += a) += b`): the chain goes on writing that object.
    if (const Expr *Chained = chainedObject(F.TU, OC); Chained != OC)
      return resolve(Chained, Depth + 1, Out);
    if (!refersElsewhere(OC->getType()) && !OC->isLValue())
      return rootOnly(RefRoot::Local);
    if (const FunctionDecl *FD = OC->getDirectCallee();
        FD && F.TU.isUserDecl(FD))
      return callResult(OC);
    return StateRef();
  }

  const FunctionContext &F;

public:
  const CallExpr *Pending = nullptr;
};

} // namespace

bool isLibraryClass(const TUContext &TU, const CXXRecordDecl *RD) {
  return RD && (RD->isInStdNamespace() || TU.isSystem(RD->getLocation()));
}

/// Whether OC, a library operator, returns its left operand: an lvalue of
/// that operand's class or of a base of it (an ostringstream's operator<<
/// returns its std::ostream).
static bool returnsLeftOperand(const TUContext &TU,
                               const CXXOperatorCallExpr *OC) {
  if (OC->getNumArgs() != 2 || !OC->isLValue())
    return false;
  const CXXRecordDecl *Left =
      OC->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  const CXXRecordDecl *Result = OC->getType()->getAsCXXRecordDecl();
  if (!Result || !isLibraryClass(TU, Left))
    return false;
  if (Result->getCanonicalDecl() == Left->getCanonicalDecl())
    return true;
  return Left->hasDefinition() && Left->isDerivedFrom(Result);
}

const Expr *chainedObject(const TUContext &TU, const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    const auto *OC = dyn_cast<CXXOperatorCallExpr>(peelTemporaries(E));
    if (!OC || !returnsLeftOperand(TU, OC))
      return E;
    E = OC->getArg(0);
  }
  return E;
}

bool isWritableParamType(QualType T) {
  if (T->isReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return isHandleType(T);
}

ResolvedRef resolveStateRef(const FunctionContext &F, const Expr *E) {
  Resolver R(F);
  ResolvedRef Out = R.run(E);
  if (Out.Ref.Root == RefRoot::CallResult)
    Out.Call = R.Pending;
  return Out;
}

} // namespace brisk
