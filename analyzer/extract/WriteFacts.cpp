//===- WriteFacts.cpp - Writes one function makes to state ----------------===//

#include "extract/WriteFacts.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/OperatorKinds.h"

namespace brisk {

using namespace clang;

namespace {

constexpr size_t MaxConstantText = 80;

ValueOrigin constantOrigin() {
  ValueOrigin O;
  O.Constant = true;
  return O;
}

/// How a constant is spelled, so that two writes of one value compare equal.
std::string spelling(const FunctionContext &F, const Expr *E) {
  std::string Text = spelledText(F.TU.SM, F.TU.Ctx.getLangOpts(),
                                 E->getSourceRange(), MaxConstantText);
  return Text.empty() ? "?" : Text;
}

} // namespace

const StateClass *WriteFacts::libraryClassOf(const Expr *E) const {
  if (!F.TU.Data.State || !E)
    return nullptr;
  // The object's own class: `a.fetch_add(1)` converts std::atomic<int> to
  // the base that declares fetch_add.
  E = chainedObject(F.TU, E); // `s << a << b`: s's class
  QualType T = E->IgnoreParenImpCasts()->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!isLibraryClass(F.TU, RD))
    return nullptr;
  return F.TU.Data.State->findClass(className(RD));
}

void WriteFacts::record(const Expr *Target, WriteKind Kind, SourceLocation L,
                        ValueOrigin Value, const Expr *ValueExpr,
                        const StateClass *Container, const Expr *KeyExpr,
                        bool Replaces) {
  ResolvedRef R = resolveStateRef(F, Target);
  if (R.Ref.Root == RefRoot::None || R.Ref.Root == RefRoot::Local)
    return;
  StateWrite W;
  W.Target = R.Ref;
  W.Kind = Kind;
  W.Loc = F.siteLoc(L);
  W.Once = F.Once;
  W.Locked = F.LockDepth > 0;
  W.Atomic = Container && Container->Atomic;
  // What empties or replaces the whole object (not an element): clear(),
  // the assignment of a whole container or of a whole object.
  W.Resets =
      !R.Element && (Replaces || (Container && Kind == WriteKind::Assign));
  if (R.KeyedSubscript) {
    // m[k] = v and m[k].push_back(v) add k to m before anything else.
    F.ConsumedSubscripts.insert(R.KeyedSubscript);
    W.Kind = WriteKind::Insert;
    KeyExpr = R.Key;
  }
  // An accumulated number is not one caller's data: what an increment adds
  // is not followed. Nor is it a constant store, even as m[k]++ (an
  // insertion): it changes what the entry held.
  W.Value = Value;
  if (Kind == WriteKind::Increment) {
    W.Value = ValueOrigin();
    W.Value.Other = true;
  }
  if (KeyExpr) {
    W.Keyed = true;
    // A key of a small type (an enumeration, a bool, a char) adds a bounded
    // number of entries, as a constant does.
    QualType KeyType = KeyExpr->getType();
    W.Key = KeyType->isEnumeralType() || KeyType->isBooleanType() ||
                    KeyType->isCharType()
                ? constantOrigin()
                : F.originOf(KeyExpr);
    W.Value = joinOrigins(W.Value, W.Key);
  }
  if (Kind == WriteKind::Assign && W.Value.Constant && ValueExpr)
    W.ConstantValue = spelling(F, ValueExpr);
  if (W.Keyed && W.Key.Constant)
    W.ConstantKey = spelling(F, KeyExpr);
  if (R.Call)
    F.PendingRefs.push_back({F.Target, FunctionContext::PendingRef::Write,
                             unsigned(F.Target->Writes.size()), 0, R.Call});
  F.Target->Writes.push_back(std::move(W));
}

void WriteFacts::onBinaryOperator(const BinaryOperator *BO) {
  if (!BO->isAssignmentOp())
    return;
  const Expr *LHS = BO->getLHS();
  if (BO->getOpcode() == BO_Assign) {
    record(LHS, WriteKind::Assign, BO->getOperatorLoc(),
           F.originOf(BO->getRHS()), BO->getRHS(), /*Container=*/nullptr);
    return;
  }
  QualType T = LHS->getType();
  WriteKind Kind =
      T->isArithmeticType() || T->isEnumeralType() || T->isPointerType()
          ? WriteKind::Increment
          : WriteKind::Mutate;
  record(LHS, Kind, BO->getOperatorLoc(), F.originOf(BO->getRHS()), nullptr,
         /*Container=*/nullptr);
}

void WriteFacts::onUnaryOperator(const UnaryOperator *UO) {
  if (UO->isIncrementDecrementOp())
    record(UO->getSubExpr(), WriteKind::Increment, UO->getOperatorLoc(),
           constantOrigin(), nullptr, /*Container=*/nullptr);
}

void WriteFacts::onCall(const CallExpr *CE) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
    onOperatorCall(OC);
  else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    onMemberCall(MC);
  else
    onWriterFunction(CE);
}

void WriteFacts::onOperatorCall(const CXXOperatorCallExpr *OC) {
  if (OC->getNumArgs() == 0 || F.ChainedOperators.contains(OC))
    return;
  OverloadedOperatorKind Op = OC->getOperator();
  const Expr *Object = OC->getArg(0);
  const StateClass *C = libraryClassOf(Object);
  if (Op == OO_Subscript) {
    // A map's operator[] inserts the key, whatever is done with the result;
    // a write through it already said so.
    if (C && C->Keyed && OC->getNumArgs() == 2 &&
        !F.ConsumedSubscripts.contains(OC))
      record(OC, WriteKind::Insert, OC->getOperatorLoc(), constantOrigin(),
             nullptr, C);
    return;
  }
  if (Op == OO_Arrow || Op == OO_Star || Op == OO_Call)
    return;
  const CXXRecordDecl *RD =
      Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (RD && !isLibraryClass(F.TU, RD)) {
    // A user operator's summary says what it writes; the assignment the
    // compiler writes has none, and replaces the whole object.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (Op == OO_Equal && MD && !MD->isUserProvided() && OC->getNumArgs() == 2)
      record(Object, WriteKind::Assign, OC->getOperatorLoc(),
             F.originOf(OC->getArg(1)), OC->getArg(1), nullptr, nullptr,
             /*Replaces=*/true);
    return;
  }
  if (!RD)
    return;
  const FunctionDecl *FD = OC->getDirectCallee();
  if (!FD)
    return;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (MD->isConst())
      return;
  } else if (FD->getNumParams() == 0 ||
             !isWritableParamType(FD->getParamDecl(0)->getType())) {
    return; // a free operator that does not change its left operand
  }
  std::string Name = std::string("operator") + getOperatorSpelling(Op);
  WriteKind Kind = WriteKind::Assign;
  if (Op != OO_Equal) {
    if (!C)
      return;
    auto It = C->Methods.find(Name);
    if (It == C->Methods.end())
      return;
    Kind = It->second.Kind;
  }
  ValueOrigin Value = constantOrigin();
  for (unsigned I = 1; I < OC->getNumArgs(); ++I)
    Value = joinOrigins(Value, F.originOf(OC->getArg(I)));
  // `s << a << b` is one write of a and b into s, where the chain starts.
  SourceLocation Loc = OC->getOperatorLoc();
  for (const Expr *Link = Object; chainedObject(F.TU, Link) != Link;) {
    const auto *Inner = cast<CXXOperatorCallExpr>(peelTemporaries(Link));
    if (Inner->getOperator() != Op)
      break;
    F.ChainedOperators.insert(Inner);
    Value = joinOrigins(Value, F.originOf(Inner->getArg(1)));
    Loc = Inner->getOperatorLoc();
    Link = Inner->getArg(0);
  }
  const Expr *ValueExpr = Kind == WriteKind::Assign && OC->getNumArgs() == 2
                              ? OC->getArg(1)
                              : nullptr;
  const Expr *Key =
      C && C->Keyed && Kind == WriteKind::Insert && OC->getNumArgs() > 1
          ? OC->getArg(1)
          : nullptr;
  record(Object, Kind, Loc, Value, ValueExpr, C, Key);
}

void WriteFacts::onMemberCall(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || MD->isConst() || !MD->getDeclName().isIdentifier())
    return;
  const Expr *Object = MC->getImplicitObjectArgument();
  // The object's class, not the method's: std::atomic<int>::fetch_add is
  // declared in a base.
  const StateClass *C = libraryClassOf(Object);
  if (!C)
    return;
  auto It = C->Methods.find(MD->getName().str());
  if (It == C->Methods.end())
    return;
  WriteKind Kind = It->second.Kind;
  ValueOrigin Value = constantOrigin();
  for (const Expr *A : MC->arguments())
    Value = joinOrigins(Value, F.originOf(A));
  const Expr *ValueExpr = Kind == WriteKind::Assign && MC->getNumArgs() == 1
                              ? MC->getArg(0)
                              : nullptr;
  const Expr *Key =
      C->Keyed && Kind == WriteKind::Insert && MC->getNumArgs() > 0
          ? MC->getArg(0)
          : nullptr;
  record(Object, Kind, MC->getExprLoc(), Value, ValueExpr, C, Key,
         It->second.Clears);
}

void WriteFacts::onWriterFunction(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !F.TU.Data.State || !FD->getDeclName().isIdentifier() ||
      F.TU.isUserDecl(FD))
    return;
  const WriterFunction *W = F.TU.Data.State->findWriter(FD->getName());
  if (!W || W->Arg >= CE->getNumArgs() ||
      !(FD->getDeclContext()->getRedeclContext()->isTranslationUnit() ||
        FD->isInStdNamespace()))
    return;
  ValueOrigin Value = constantOrigin();
  for (unsigned I = 0; I < CE->getNumArgs(); ++I)
    if (I != W->Arg &&
        (W->ValueArgs.empty() || llvm::is_contained(W->ValueArgs, I)))
      Value = joinOrigins(Value, F.originOf(CE->getArg(I)));
  const Expr *ValueExpr = W->Kind == WriteKind::Assign &&
                                  W->ValueArgs.size() == 1 &&
                                  W->ValueArgs[0] < CE->getNumArgs()
                              ? CE->getArg(W->ValueArgs[0])
                              : nullptr;
  record(CE->getArg(W->Arg), W->Kind, CE->getBeginLoc(), Value, ValueExpr,
         /*Container=*/nullptr);
}

void WriteFacts::onReturn(const ReturnStmt *RS) {
  if (F.inLoopBody() || !RS->getRetValue() || F.ReturnRefConflict)
    return;
  QualType T = F.Fn->getReturnType();
  if (!T->isReferenceType() && !T->isPointerType())
    return;
  ResolvedRef R = resolveStateRef(F, RS->getRetValue());
  if (R.Ref.Root == RefRoot::Local)
    R.Ref = StateRef();
  if (F.ReturnRefSeen && !(F.Summary.ReturnRef == R.Ref)) {
    F.ReturnRefConflict = true; // returns that disagree name nothing
    F.Summary.ReturnRef = StateRef();
    return;
  }
  F.ReturnRefSeen = true;
  F.Summary.ReturnRef = R.Ref;
  if (R.Call)
    F.PendingRefs.push_back(
        {F.Target, FunctionContext::PendingRef::Return, 0, 0, R.Call});
}

void resolvePendingRefs(FunctionContext &F) {
  using Pending = FunctionContext::PendingRef;
  for (const Pending &P : F.PendingRefs) {
    auto It = F.CallIndex.find({P.In, P.Call});
    StateRef *Ref = nullptr;
    switch (P.Where) {
    case Pending::Write:
      Ref = &P.In->Writes[P.Index].Target;
      break;
    case Pending::CallArg:
      Ref = &P.In->Calls[P.Index].ArgRefs[P.Arg];
      break;
    case Pending::CallObject:
      Ref = &P.In->Calls[P.Index].ObjectRef;
      break;
    case Pending::Return:
      Ref = &P.In->ReturnRef;
      break;
    }
    if (Ref->Root != RefRoot::CallResult)
      continue; // replaced since (returns that disagree)
    if (It == F.CallIndex.end())
      *Ref = StateRef(); // the call was not recorded: nothing to follow
    else
      Ref->Index = It->second;
  }
  F.PendingRefs.clear();
  auto DropUnresolved = [](FunctionSummary &S) {
    std::erase_if(S.Writes, [](const StateWrite &W) {
      return W.Target.Root == RefRoot::None;
    });
  };
  DropUnresolved(F.Summary);
  for (FunctionSummary &Loop : F.Loops)
    DropUnresolved(Loop);
}

} // namespace brisk
