//===- ReturnedStrings.cpp - Strings built from what functions return -----===//

#include "model/ReturnedStrings.h"

#include "llvm/ADT/STLExtras.h"

#include <set>

namespace brisk {

namespace {

/// How many calls deep a string is followed into what helpers return.
constexpr unsigned MaxDepth = 4;

void addOnce(std::vector<std::string> &List, const std::string &S) {
  if (!llvm::is_contained(List, S))
    List.push_back(S);
}

/// The summary of what USR returns, as a call from TU resolves it.
const FunctionSummary *callee(const ProgramModel &M, unsigned TU,
                              llvm::StringRef USR, unsigned &CalleeTU) {
  long N = M.resolve(TU, USR);
  if (N < 0)
    return nullptr;
  CalleeTU = M.node(N).TU;
  return M.node(N).Fn;
}

} // namespace

StringFacts withReturnedStrings(const ProgramModel &M, NodeId Where,
                                const StringFacts &S) {
  StringFacts Out = S;
  struct Pending {
    unsigned TU;
    std::string USR;
    unsigned Depth;
  };
  std::vector<Pending> Work;
  auto Queue = [&Work](unsigned TU, const StringFacts &F, unsigned Depth) {
    for (llvm::StringRef Name : F.Names)
      if (Name.consume_front("result:"))
        Work.push_back({TU, Name.str(), Depth});
  };
  unsigned TU = M.node(Where).TU;
  Queue(TU, S, 0);
  std::set<std::pair<unsigned, std::string>> Seen;
  while (!Work.empty()) {
    Pending P = std::move(Work.back());
    Work.pop_back();
    if (P.Depth >= MaxDepth || !Seen.insert({P.TU, P.USR}).second)
      continue;
    unsigned CalleeTU = 0;
    const FunctionSummary *Fn = callee(M, P.TU, P.USR, CalleeTU);
    if (!Fn)
      continue;
    for (const std::string &Name : Fn->ReturnString.Names)
      if (!llvm::StringRef(Name).starts_with("param:"))
        addOnce(Out.Names, Name);
    for (const std::string &Source : Fn->ReturnString.Sources)
      addOnce(Out.Sources, Source);
    Queue(CalleeTU, Fn->ReturnString, P.Depth + 1);
  }
  std::string Call = S.PrefixCall;
  for (unsigned Depth = 0;
       Out.Prefix.empty() && !Call.empty() && Depth < MaxDepth; ++Depth) {
    unsigned CalleeTU = 0;
    const FunctionSummary *Fn = callee(M, TU, Call, CalleeTU);
    if (!Fn)
      break;
    const StringFacts &R = Fn->ReturnString;
    if (!R.Prefix.empty()) {
      Out.Prefix = R.Prefix;
      Out.Listing = R.Listing;
      Out.Complete = false;
      Out.PrefixCall.clear();
      break;
    }
    Call = R.PrefixCall;
    TU = CalleeTU;
  }
  return Out;
}

} // namespace brisk
