//===- LockRegions.cpp - Where a function holds a mutex lock --------------===//

#include "extract/LockRegions.h"

#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"

namespace brisk {

using namespace clang;

namespace {

const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// std::defer_lock and std::try_to_lock leave the mutex unlocked (or maybe
/// locked): only a guard that surely locks counts.
bool defersLocking(const Expr *Init) {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(peelTemporaries(Init));
  if (!CE)
    return false;
  for (const Expr *A : CE->arguments()) {
    const CXXRecordDecl *RD = classOf(A->getType());
    if (RD && RD->getIdentifier() &&
        (RD->getName() == "defer_lock_t" || RD->getName() == "try_to_lock_t"))
      return true;
  }
  return false;
}

} // namespace

bool LockRegions::isLockGuardVar(const VarDecl *VD) const {
  const CXXRecordDecl *RD = classOf(VD->getType());
  if (!RD || !VD->hasLocalStorage() || !F.TU.Data.State ||
      defersLocking(VD->getInit()))
    return false;
  if (F.TU.Data.State->isLockGuard(className(RD)))
    return true;
  // A user's own guard: its constructor locks a mutex.
  const auto *CE =
      dyn_cast_or_null<CXXConstructExpr>(peelTemporaries(VD->getInit()));
  const CXXConstructorDecl *Ctor = CE ? CE->getConstructor() : nullptr;
  const FunctionDecl *Def = Ctor ? Ctor->getDefinition() : nullptr;
  return Def && F.TU.isUserDecl(Def) && locksIn(Def->getBody());
}

bool LockRegions::locksIn(const Stmt *S) const {
  if (!S)
    return false;
  if (const auto *CE = dyn_cast<CallExpr>(S); CE && lockEffect(CE) > 0)
    return true;
  for (const Stmt *Child : S->children())
    if (locksIn(Child))
      return true;
  return false;
}

int LockRegions::lockEffect(const CallExpr *CE) const {
  const StateCatalog *State = F.TU.Data.State;
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!State || !FD || !FD->getDeclName().isIdentifier())
    return 0;
  llvm::StringRef Name = FD->getName();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXRecordDecl *RD =
        classOf(MC->getImplicitObjectArgument()->getType());
    if (!RD)
      return 0;
    std::string Class = className(RD);
    bool Mutex = State->isMutex(Class);
    if (Mutex && llvm::is_contained(State->LockMethods, Name))
      return 1;
    if ((Mutex || State->isLockGuard(Class)) &&
        llvm::is_contained(State->UnlockMethods, Name))
      return -1;
    return 0;
  }
  for (const LockFunction &L : State->LockFunctions) {
    if (Name == L.Lock)
      return 1;
    if (Name == L.Unlock)
      return -1;
  }
  return 0;
}

void LockRegions::afterStatement(const Stmt *S) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && isLockGuardVar(VD))
        ++F.LockDepth;
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  const auto *CE = E ? dyn_cast<CallExpr>(peelTemporaries(E)) : nullptr;
  if (!CE)
    return;
  int Effect = lockEffect(CE);
  if (Effect > 0)
    ++F.LockDepth;
  else if (Effect < 0 && F.LockDepth > 0)
    --F.LockDepth;
}

} // namespace brisk
