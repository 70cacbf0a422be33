//===- CatalogFacts.cpp - Record catalogue matches of one function --------===//

#include "extract/CatalogFacts.h"

#include "extract/StaticLocalFix.h"
#include "extract/StringFacts.h"

namespace brisk {

using namespace clang;

namespace {

void addMatch(FunctionContext &F, const SiteCatalogEntry &E, std::string What,
              SourceLocation L, llvm::ArrayRef<const Expr *> Args,
              const Expr *Site) {
  CatalogMatch M;
  M.EntryId = E.Id;
  M.Category = E.Category;
  M.What = std::move(What);
  M.Loc = F.siteLoc(L);
  M.Once = F.Once;
  M.InForkedChild = F.InForkedChild;
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
      M.Args.push_back(F.originOf(Args[I]));
      M.ArgStrings.push_back(stringFactsOf(F, Args[I], E.Rule, Site));
    }
  F.Target->Matches.push_back(std::move(M));
}

} // namespace

void recordCallMatches(FunctionContext &F, const CallExpr *CE,
                       const FunctionDecl *Callee,
                       llvm::ArrayRef<const Expr *> Args, SourceLocation L) {
  for (const SiteCatalogEntry *E :
       F.TU.Matcher.matchCall(Callee, Args, F.TU.Ctx))
    if (!E->ResultDiscarded || F.DiscardedCalls.contains(CE))
      addMatch(F, *E, qualifiedName(Callee), L, Args, CE);
}

void recordConstructMatches(FunctionContext &F, const CXXRecordDecl *Class,
                            llvm::ArrayRef<const Expr *> Args, SourceLocation L,
                            const VarDecl *Declared) {
  for (const SiteCatalogEntry *E :
       F.TU.Matcher.matchConstruct(Class, Args, F.TU.Ctx)) {
    addMatch(F, *E, className(Class), L, Args, nullptr);
    if (std::string Fix = staticLocalFix(F, Declared, E->Fix); !Fix.empty()) {
      CatalogMatch &M = F.Target->Matches.back();
      M.FixText = std::move(Fix);
      M.FixLoc = sourceLoc(F.TU.SM, Declared->getBeginLoc());
      M.FixRequires = F.originOf(Declared->getInit());
    }
  }
}

} // namespace brisk
