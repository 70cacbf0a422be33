//===- RuntimeApiUse.cpp - What code does with the Lambda Runtime API -----===//

#include "extract/RuntimeApiUse.h"

#include "extract/DeclNames.h"
#include "extract/ValueOrigins.h"

#include "clang/AST/ExprCXX.h"

namespace brisk {

using namespace clang;

namespace {

bool postsResponse(const Stmt *S) {
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

} // namespace

bool RuntimeApiScanner::isUserDecl(const Decl *D) const {
  if (!D)
    return false;
  SourceLocation L = D->getLocation();
  return !(L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L)));
}

RuntimeUse RuntimeApiScanner::use(const Stmt *S, unsigned Depth) {
  RuntimeUse U;
  scan(S, Depth, U);
  return U;
}

bool RuntimeApiScanner::fetchesEvent(const CallExpr *CE) {
  if (fetchesRuntimeEvent(CE))
    return true;
  const FunctionDecl *FD = CE->getDirectCallee();
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !isUserDecl(Def))
    return false;
  auto [It, New] = Fetchers.try_emplace(Def, false);
  if (New)
    It->second = use(Def->getBody(), /*Depth=*/1).Fetches;
  return It->second;
}

void RuntimeApiScanner::scan(const Stmt *S, unsigned Depth, RuntimeUse &U) {
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
        scan(Def->getBody(), Depth - 1, U);
        Visiting.erase(Def);
      }
  }
  for (const Stmt *Child : S->children())
    scan(Child, Depth, U);
}

} // namespace brisk
