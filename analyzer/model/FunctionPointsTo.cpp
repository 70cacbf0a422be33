//===- FunctionPointsTo.cpp - Which functions a function value may hold ---===//

#include "model/FunctionPointsTo.h"

#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <deque>
#include <set>

namespace brisk {

namespace {

constexpr llvm::StringLiteral FunctionPrefix = "fn:";

/// One program's flows as a graph over interned slots.
class Solver {
public:
  void add(const ValueFlow &F) {
    unsigned To = intern(F.To);
    llvm::StringRef From = F.From;
    if (From.consume_front(FunctionPrefix)) {
      Sets[To].insert(From.str());
      return;
    }
    Succ[intern(F.From)].push_back(To);
  }

  llvm::StringMap<std::vector<std::string>> run() {
    std::deque<unsigned> Work;
    for (unsigned I = 0; I < Names.size(); ++I)
      if (!Sets[I].empty())
        Work.push_back(I);
    while (!Work.empty()) {
      unsigned S = Work.front();
      Work.pop_front();
      for (unsigned T : Succ[S]) {
        size_t Before = Sets[T].size();
        Sets[T].insert(Sets[S].begin(), Sets[S].end());
        if (Sets[T].size() != Before)
          Work.push_back(T);
      }
    }
    llvm::StringMap<std::vector<std::string>> Out;
    for (unsigned I = 0; I < Names.size(); ++I)
      if (!Sets[I].empty())
        Out[Names[I]] = {Sets[I].begin(), Sets[I].end()};
    return Out;
  }

private:
  unsigned intern(llvm::StringRef Name) {
    auto [It, New] = Ids.try_emplace(Name, Names.size());
    if (New) {
      Names.push_back(Name.str());
      Sets.emplace_back();
      Succ.emplace_back();
    }
    return It->second;
  }

  llvm::StringMap<unsigned> Ids;
  std::vector<std::string> Names;
  std::vector<std::set<std::string>> Sets;
  std::vector<std::vector<unsigned>> Succ;
};

} // namespace

FunctionPointsTo FunctionPointsTo::solve(llvm::ArrayRef<TUSummary> Summaries,
                                         llvm::ArrayRef<int> TUProgram) {
  FunctionPointsTo Result;
  std::set<int> Programs{-1};
  for (int P : TUProgram)
    Programs.insert(P);
  for (int P : Programs) {
    Solver S;
    bool Any = false;
    for (unsigned TU = 0; TU < Summaries.size(); ++TU) {
      if (TUProgram[TU] != P && TUProgram[TU] != -1)
        continue;
      for (const ValueFlow &F : Summaries[TU].Flows) {
        S.add(F);
        Any = true;
      }
    }
    if (Any)
      Result.Values[P] = S.run();
  }
  return Result;
}

std::vector<std::string>
FunctionPointsTo::valuesOf(int Program, llvm::StringRef Slot) const {
  llvm::StringRef Function = Slot;
  if (Function.consume_front(FunctionPrefix))
    return {Function.str()};
  auto P = Values.find(Program);
  if (P == Values.end())
    return {};
  auto It = P->second.find(Slot);
  return It == P->second.end() ? std::vector<std::string>() : It->second;
}

} // namespace brisk
