//===- HardcodedCredential.cpp - Secrets written into the source ----------===//

#include "rules/HardcodedCredential.h"

namespace brisk {

namespace {

/// Lines apart two literals of one run of declarations or statements may be.
constexpr unsigned MaxLineDistance = 2;

bool nextTo(const PatternLiteral &A, const PatternLiteral &B) {
  if (A.Group != B.Group || A.Loc.File != B.Loc.File)
    return false;
  if (!llvm::StringRef(A.Group).starts_with("block:"))
    return true; // one call, initialiser or class
  unsigned Distance = A.Loc.Line > B.Loc.Line ? A.Loc.Line - B.Loc.Line
                                              : B.Loc.Line - A.Loc.Line;
  return Distance <= MaxLineDistance;
}

} // namespace

void HardcodedCredential::check(const Analysis &A, FindingSink &Sink) const {
  const std::string Hint =
      ": anyone who can read the source or the deployment package can use "
      "it; let the function's execution role provide credentials, or read "
      "them from AWS Secrets Manager at init";
  for (const TUSummary &TU : A.Model.summaries())
    for (const PatternLiteral &L : TU.Literals) {
      const CredentialPattern *P = Patterns.find(L.PatternId);
      if (!P || P->Disabled)
        continue;
      Finding F;
      F.Rule = id().str();
      F.Level = defaultSeverity();
      F.Category = P->Id;
      F.Loc = L.Loc;
      if (P->NextTo.empty()) {
        F.Message = P->Description + " in a string literal" + Hint;
        Sink.report(std::move(F));
        continue;
      }
      const CredentialPattern *Partner = Patterns.find(P->NextTo);
      auto It = llvm::find_if(TU.Literals, [&](const PatternLiteral &K) {
        return K.PatternId == P->NextTo && nextTo(L, K);
      });
      if (!Partner || Partner->Disabled || It == TU.Literals.end())
        continue;
      F.Message = P->Description + " in a string literal, next to an " +
                  Partner->Description + Hint;
      F.Notes.push_back({"the " + Partner->Description + " is here", It->Loc});
      Sink.report(std::move(F));
    }
}

} // namespace brisk
