//===- CatalogMatcher.cpp - Match sites to the init catalogue -------------===//

#include "extract/CatalogMatcher.h"

#include "extract/DeclNames.h"
#include "extract/ExprPeeling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace brisk {

namespace {
std::optional<std::string> constantStringAt(const clang::Expr *E,
                                            unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = peelTemporaries(E);
  if (const auto *SL = llvm::dyn_cast<clang::StringLiteral>(E)) {
    if (SL->getCharByteWidth() != 1)
      return std::nullopt;
    return SL->getString().str();
  }
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E)) {
    const auto *VD = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
    if (!VD || !(VD->isConstexpr() || VD->getType().isConstQualified()))
      return std::nullopt;
    return constantStringAt(VD->getAnyInitializer(), Depth + 1);
  }
  if (const auto *CE = llvm::dyn_cast<clang::CXXConstructExpr>(E)) {
    // std::string(s), std::filesystem::path(s): the first argument, when the
    // rest are defaults (an allocator).
    if (CE->getNumArgs() == 0)
      return std::nullopt;
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      if (!llvm::isa<clang::CXXDefaultArgExpr>(CE->getArg(I)))
        return std::nullopt;
    return constantStringAt(CE->getArg(0), Depth + 1);
  }
  if (const auto *MC = llvm::dyn_cast<clang::CXXMemberCallExpr>(E)) {
    const clang::CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() &&
        (MD->getName() == "c_str" || MD->getName() == "data" ||
         MD->getName() == "string"))
      return constantStringAt(MC->getImplicitObjectArgument(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *OC = llvm::dyn_cast<clang::CXXOperatorCallExpr>(E)) {
    if ((OC->getOperator() == clang::OO_Plus ||
         OC->getOperator() == clang::OO_Slash) &&
        OC->getNumArgs() == 2) {
      auto L = constantStringAt(OC->getArg(0), Depth + 1);
      auto R = constantStringAt(OC->getArg(1), Depth + 1);
      if (!L || !R)
        return std::nullopt;
      if (OC->getOperator() == clang::OO_Slash) // std::filesystem::path
        return *L + "/" + *R;
      return *L + *R;
    }
  }
  return std::nullopt;
}

bool startsWithAny(llvm::StringRef S, llvm::ArrayRef<std::string> Prefixes) {
  for (const std::string &P : Prefixes)
    if (S.starts_with(P))
      return true;
  return false;
}

bool constraintHolds(const ArgConstraint &C,
                     llvm::ArrayRef<const clang::Expr *> Args,
                     clang::ASTContext &Ctx) {
  if (C.Arg >= Args.size())
    return false;
  const clang::Expr *A = Args[C.Arg];
  if (!C.PrefixAnyOf.empty() || !C.PrefixNoneOf.empty()) {
    std::optional<std::string> S = constantString(A);
    if (!S)
      return false; // unknown: never guess towards a finding
    if (!C.PrefixAnyOf.empty() && !startsWithAny(*S, C.PrefixAnyOf))
      return false;
    if (startsWithAny(*S, C.PrefixNoneOf))
      return false;
  }
  if (C.IntMask || C.IntBitsNoneOf) {
    clang::Expr::EvalResult R;
    if (A->isValueDependent() || !A->EvaluateAsInt(R, Ctx))
      return false;
    uint64_t V = R.Val.getInt().getZExtValue();
    if (C.IntBitsNoneOf & V)
      return false;
    if ((V & C.IntMask) != C.IntEquals)
      return false;
  }
  return true;
}

bool nameMatches(llvm::StringRef Pattern, llvm::StringRef Name) {
  if (Pattern.ends_with("*"))
    return Name.starts_with(Pattern.drop_back());
  return Name == Pattern;
}
} // namespace

std::optional<std::string> constantString(const clang::Expr *E) {
  return constantStringAt(E, 0);
}

bool CatalogMatcher::classMatches(const SiteCatalogEntry &E,
                                  const clang::CXXRecordDecl *Class) const {
  if (nameMatches(E.Name, className(Class)))
    return true;
  if (E.Match != MatchKind::DerivedFrom || !Class->hasDefinition())
    return false;
  bool Found = false;
  Class->getDefinition()->forallBases([&](const clang::CXXRecordDecl *Base) {
    if (nameMatches(E.Name, className(Base)))
      Found = true;
    return !Found;
  });
  return Found;
}

bool CatalogMatcher::argsFit(const SiteCatalogEntry &E,
                             llvm::ArrayRef<const clang::Expr *> Args,
                             clang::ASTContext &Ctx) const {
  // The condition needs one of the arguments it names: a default-constructed
  // regex has no pattern to compile.
  if (E.Condition != HoistCondition::Always && !E.Args.empty() &&
      llvm::none_of(E.Args, [&](unsigned I) { return I < Args.size(); }))
    return false;
  for (const ArgConstraint &C : E.Constraints)
    if (!constraintHolds(C, Args, Ctx))
      return false;
  return true;
}

llvm::SmallVector<const SiteCatalogEntry *, 1>
CatalogMatcher::matchCall(const clang::FunctionDecl *Callee,
                          llvm::ArrayRef<const clang::Expr *> Args,
                          clang::ASTContext &Ctx) const {
  llvm::SmallVector<const SiteCatalogEntry *, 1> Out;
  const auto *MD = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(Callee);
  // Methods may be operators (a random engine's operator()); functions are
  // matched by identifier.
  if (!Catalog || !Callee || (!Callee->getDeclName().isIdentifier() && !MD))
    return Out;
  std::string Method = MD ? MD->getNameAsString() : "";
  std::string Name;
  for (const SiteCatalogEntry &E : Catalog->Entries) {
    if (E.Disabled || E.Kind != SiteKind::Call)
      continue;
    if (E.Match == MatchKind::Function) {
      if (!Callee->getDeclName().isIdentifier())
        continue;
      if (Name.empty())
        Name = qualifiedName(Callee);
      if (!nameMatches(E.Name, Name))
        continue;
    } else {
      if (!MD || !llvm::is_contained(E.Methods, Method) ||
          !classMatches(E, MD->getParent()))
        continue;
    }
    if (argsFit(E, Args, Ctx))
      Out.push_back(&E);
  }
  return Out;
}

llvm::SmallVector<const SiteCatalogEntry *, 1>
CatalogMatcher::matchConstruct(const clang::CXXRecordDecl *Class,
                               llvm::ArrayRef<const clang::Expr *> Args,
                               clang::ASTContext &Ctx) const {
  llvm::SmallVector<const SiteCatalogEntry *, 1> Out;
  if (!Catalog || !Class)
    return Out;
  for (const SiteCatalogEntry &E : Catalog->Entries) {
    if (E.Disabled || E.Kind != SiteKind::Construct ||
        E.Match == MatchKind::Function)
      continue;
    if (classMatches(E, Class) && argsFit(E, Args, Ctx))
      Out.push_back(&E);
  }
  return Out;
}

} // namespace brisk
