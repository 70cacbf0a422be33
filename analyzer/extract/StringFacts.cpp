//===- StringFacts.cpp - What a string argument is known to be ------------===//

#include "extract/StringFacts.h"

#include "extract/Callables.h"
#include "extract/ExprPeeling.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace brisk {

using namespace clang;

namespace {

constexpr unsigned MaxDepth = 8;

struct Prefix {
  bool Known = false;
  std::string Text;
  bool Complete = false;
  bool Listing = false;
  /// Not known here: the string starts with what this program function
  /// returns (its USR).
  std::string Call;
};

Prefix resultOf(std::string USR) {
  Prefix P;
  P.Call = std::move(USR);
  return P;
}

/// A function of the program returning a string: what it returns is in its
/// summary.
const FunctionDecl *programStringFunction(const FunctionContext &F,
                                          const FunctionDecl *FD) {
  if (!FD || !isStringLike(FD->getReturnType()))
    return nullptr;
  FD = summarizedCallee(FD, F.TU.SM);
  return FD && F.TU.isUserDecl(FD) ? FD : nullptr;
}

Prefix known(std::string Text, bool Complete) {
  return {true, std::move(Text), Complete};
}

/// The format string's index for printf-style functions that fill a buffer.
std::optional<unsigned> bufferFormatIndex(const FunctionDecl *FD) {
  if (!FD || !FD->getDeclName().isIdentifier())
    return std::nullopt;
  return llvm::StringSwitch<std::optional<unsigned>>(FD->getName())
      .Cases("snprintf", "vsnprintf", 2u)
      .Cases("sprintf", "vsprintf", 1u)
      .Default(std::nullopt);
}

/// The text before the first placeholder of a format string.
Prefix formatPrefix(const Expr *Format, char Placeholder) {
  const auto *SL = dyn_cast<StringLiteral>(peelTemporaries(Format));
  if (!SL || SL->getCharByteWidth() != 1)
    return Prefix();
  llvm::StringRef S = SL->getString();
  size_t At = S.find(Placeholder);
  if (At == llvm::StringRef::npos)
    return known(S.str(), true);
  return known(S.substr(0, At).str(), false);
}

/// Elements of a directory listing are paths under the listed directory.
bool listsDirectory(const Expr *E) {
  const auto *CE = dyn_cast<CXXConstructExpr>(peelTemporaries(E));
  const CXXRecordDecl *RD = CE ? CE->getConstructor()->getParent() : nullptr;
  return RD && RD->getIdentifier() &&
         RD->getName().ends_with("directory_iterator") && CE->getNumArgs() > 0;
}

class PrefixFinder {
public:
  PrefixFinder(const FunctionContext &F, const Expr *Site) : F(F), Site(Site) {}

  Prefix of(const Expr *E, unsigned Depth) {
    if (!E || Depth > MaxDepth)
      return Prefix();
    E = peelTemporaries(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getCharByteWidth() == 1 ? known(SL->getString().str(), true)
                                         : Prefix();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return ofVar(dyn_cast<VarDecl>(DRE->getDecl()), Depth);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // std::string(s), std::filesystem::path(s), directory_iterator(dir):
      // the first argument when the rest are defaults.
      if (CE->getNumArgs() == 0)
        return Prefix();
      for (unsigned I = 1; I < CE->getNumArgs(); ++I)
        if (!isa<CXXDefaultArgExpr>(CE->getArg(I)))
          return Prefix();
      return of(CE->getArg(0), Depth + 1);
    }
    if (const auto *ILE = dyn_cast<InitListExpr>(E))
      return ILE->getNumInits() == 1 ? of(ILE->getInit(0), Depth + 1)
                                     : Prefix();
    if (const auto *ME = dyn_cast<MemberExpr>(E);
        ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        return ofMember(FD, Depth);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getDeclName().isIdentifier() &&
          llvm::is_contained(
              {"c_str", "data", "string", "native", "generic_string", "path"},
              MD->getName()))
        return of(MC->getImplicitObjectArgument(), Depth + 1);
      if (const FunctionDecl *FD = programStringFunction(F, MD))
        return resultOf(usrOf(FD));
      return Prefix();
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind Op = OC->getOperator();
      if ((Op != OO_Plus && Op != OO_Slash) || OC->getNumArgs() != 2)
        return Prefix();
      Prefix L = of(OC->getArg(0), Depth + 1);
      if (!L.Known)
        return resultOf(
            L.Call); // the start is what a call returns, or not known
      if (!L.Complete)
        return known(L.Text, false);
      Prefix R = of(OC->getArg(1), Depth + 1);
      std::string Sep;
      if (Op == OO_Slash && !llvm::StringRef(L.Text).ends_with("/"))
        Sep = "/"; // std::filesystem::path's operator/
      return known(L.Text + Sep + (R.Known ? R.Text : ""),
                   R.Known && R.Complete);
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (hasQualifiedName(FD, "std::filesystem::temp_directory_path"))
        return known("/tmp", true); // TMPDIR is not set on Lambda
      if (std::optional<unsigned> I = bufferFormatIndex(FD);
          I && *I < CE->getNumArgs())
        return formatPrefix(CE->getArg(*I), '%');
      if (FD && FD->getDeclName().isIdentifier() && FD->getName() == "format" &&
          CE->getNumArgs() > 0 &&
          (FD->isInStdNamespace() || qualifiedName(FD).starts_with("fmt::")))
        return formatPrefix(CE->getArg(0), '{');
      if (const FunctionDecl *Program = programStringFunction(F, FD))
        return resultOf(usrOf(Program));
    }
    return Prefix();
  }

private:
  Prefix ofVar(const VarDecl *VD, unsigned Depth) {
    if (!VD)
      return Prefix();
    if (VD->isConstexpr() || (VD->getType().isConstQualified() &&
                              !VD->hasLocalStorage() && VD->getInit()))
      return of(VD->getInit(), Depth + 1);
    llvm::SmallVector<const Expr *, 2> Defs;
    for (const Expr *D : F.Origins.definitionsOf(VD))
      if (D != Site) // what the string is before the call that writes it
        Defs.push_back(D);
    if (VD->isCXXForRangeDecl()) {
      for (const Expr *D : Defs)
        if (listsDirectory(D)) {
          Prefix Dir = of(cast<CXXConstructExpr>(peelTemporaries(D))->getArg(0),
                          Depth + 1);
          if (Dir.Known && Dir.Complete) {
            Prefix Entry = known(Dir.Text + "/", false);
            Entry.Listing = true;
            return Entry;
          }
        }
      return Prefix();
    }
    if (Defs.empty())
      return VD->getType().isConstQualified() ? of(VD->getInit(), Depth + 1)
                                              : Prefix();
    Prefix First = of(Defs[0], Depth + 1);
    if (Defs.size() == 1 || !First.Known)
      return First;
    First.Listing = false;
    // `std::string P = "/tmp/"; P += Id;` keeps the initialiser's start.
    if (Defs[0] != VD->getInit())
      return Prefix();
    for (const Expr *D : llvm::ArrayRef(Defs).drop_front())
      if (!appendsTo(D, VD))
        return Prefix();
    return known(First.Text, false);
  }

  /// A member the object was built with: what every constructor of the
  /// class (or the member's default) initialises it to, when they agree.
  Prefix ofMember(const FieldDecl *FD, unsigned Depth) {
    std::optional<Prefix> Agreed;
    auto Agree = [&](const Expr *Init) {
      Prefix P = of(Init, Depth + 1);
      if (!Agreed)
        Agreed = P;
      else if (Agreed->Text != P.Text || Agreed->Complete != P.Complete)
        Agreed = Prefix();
    };
    if (const Expr *Default = FD->getInClassInitializer())
      Agree(Default);
    if (const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent()))
      for (const CXXConstructorDecl *Ctor : RD->ctors())
        if (const auto *Def =
                dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition()))
          for (const CXXCtorInitializer *Init : Def->inits())
            if (Init->isWritten() && Init->getMember() == FD)
              Agree(Init->getInit());
    return Agreed.value_or(Prefix());
  }

  static bool appendsTo(const Expr *D, const VarDecl *VD) {
    const Expr *Object = nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(D);
        OC && OC->getOperator() == OO_PlusEqual && OC->getNumArgs() == 2)
      Object = OC->getArg(0);
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(D))
      if (const CXXMethodDecl *MD = MC->getMethodDecl();
          MD && MD->getDeclName().isIdentifier() &&
          (MD->getName() == "append" || MD->getName() == "push_back"))
        Object = MC->getImplicitObjectArgument();
    return Object && refersTo(Object, VD);
  }

  const FunctionContext &F;
  const Expr *Site;
};

/// The variables and catalogued calls a string is built from.
class Ingredients {
public:
  Ingredients(const FunctionContext &F, llvm::StringRef Rule, StringFacts &Out)
      : F(F), Rule(Rule), Out(Out) {}

  void scan(const Stmt *S, unsigned Depth) {
    if (!S || Depth > MaxDepth || isa<LambdaExpr>(S))
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        addVar(VD, Depth);
    // A member of the object the function runs on names that object's
    // path; a member of another object (the request's id) is that object.
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        add("member:" + usrOf(ME->getMemberDecl()));
    if (const auto *CE = dyn_cast<CallExpr>(S))
      addCall(CE);
    for (const Stmt *Child : S->children())
      scan(Child, Depth + 1);
  }

private:
  void add(std::string Name) {
    if (!llvm::is_contained(Out.Names, Name))
      Out.Names.push_back(std::move(Name));
  }

  void addVar(const VarDecl *VD, unsigned Depth) {
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
      if (PVD->getDeclContext() == F.Fn)
        add("param:" + std::to_string(PVD->getFunctionScopeIndex()));
      return;
    }
    if (!VD->hasLocalStorage()) {
      add("global:" + usrOf(VD));
      return;
    }
    SourceLoc L = sourceLoc(F.TU.SM, VD->getLocation());
    add("local:" + F.Summary.USR + "#" + VD->getName().str() + "@" +
        std::to_string(L.Line) + ":" + std::to_string(L.Column));
    if (!Visited.insert(VD).second)
      return;
    for (const Expr *D : F.Origins.definitionsOf(VD))
      scan(D, Depth + 1);
  }

  void addCall(const CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return;
    if (const FunctionDecl *Program = programStringFunction(F, FD))
      add("result:" + usrOf(Program));
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    for (const SiteCatalogEntry *E : F.TU.Matcher.matchCall(FD, Args, F.TU.Ctx))
      if ((Rule.empty() || E->Rule == Rule) &&
          !llvm::is_contained(Out.Sources, E->Id))
        Out.Sources.push_back(E->Id);
  }

  const FunctionContext &F;
  llvm::StringRef Rule;
  StringFacts &Out;
  llvm::DenseSet<const VarDecl *> Visited;
};

} // namespace

StringFacts stringFactsOf(const FunctionContext &F, const Expr *E,
                          llvm::StringRef Rule, const Expr *Site) {
  StringFacts Out;
  Prefix P = PrefixFinder(F, Site).of(E, 0);
  if (P.Known) {
    Out.Prefix = P.Text;
    Out.Complete = P.Complete;
    Out.Listing = P.Listing;
  } else {
    Out.PrefixCall = P.Call;
  }
  Ingredients(F, Rule, Out).scan(E, 0);
  return Out;
}

void addReturnedString(FunctionContext &F, const ReturnStmt *RS) {
  if (F.inLoopBody() || !RS->getRetValue() ||
      !isStringLike(F.Fn->getReturnType()))
    return;
  StringFacts S = stringFactsOf(F, RS->getRetValue(), /*Rule=*/"");
  StringFacts &Out = F.Summary.ReturnString;
  if (!F.ReturnStringSeen) {
    F.ReturnStringSeen = true;
    Out = std::move(S);
    return;
  }
  // Returns that differ share the start they agree on.
  if (Out.Prefix != S.Prefix || Out.Complete != S.Complete) {
    size_t Common = 0;
    while (Common < Out.Prefix.size() && Common < S.Prefix.size() &&
           Out.Prefix[Common] == S.Prefix[Common])
      ++Common;
    Out.Prefix.resize(Common);
    Out.Complete = false;
  }
  Out.Listing = Out.Listing && S.Listing;
  if (Out.PrefixCall != S.PrefixCall)
    Out.PrefixCall.clear();
  for (std::string &Name : S.Names)
    if (!llvm::is_contained(Out.Names, Name))
      Out.Names.push_back(std::move(Name));
  for (std::string &Source : S.Sources)
    if (!llvm::is_contained(Out.Sources, Source))
      Out.Sources.push_back(std::move(Source));
}

StringStart knownStart(const FunctionContext &F, const Expr *E) {
  Prefix P = PrefixFinder(F, nullptr).of(E, 0);
  if (P.Known)
    return {P.Text, ""};
  return {"", P.Call};
}

bool isStringLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType()->isCharType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = className(RD);
  return Name == "std::basic_string" || Name == "std::basic_string_view" ||
         Name == "std::filesystem::path";
}

} // namespace brisk
