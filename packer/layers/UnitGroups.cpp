//===- UnitGroups.cpp - Units grouped by the functions that use them ------===//

#include "layers/PlanSearch.h"

#include "llvm/ADT/STLExtras.h"

#include <map>

using namespace llvm;

namespace brisk {

std::vector<UnitGroup> groupUnits(const PlanEvaluator &Eval,
                                  const Placement &Start) {
  const LayerProblem &P = Eval.problem();
  std::map<std::vector<size_t>, UnitGroup> ByUsers;
  for (size_t U = 0; U < P.Units.size(); ++U) {
    if (Start[U] >= 0 || !Eval.shareable(U))
      continue;
    UnitGroup &G = ByUsers[P.Units[U].Users];
    G.Users = P.Units[U].Users;
    G.Units.push_back(U);
    G.UnzippedBytes += P.Units[U].UnzippedBytes;
    G.Saving += Eval.saving(U);
  }
  std::vector<UnitGroup> Groups;
  for (auto &Entry : ByUsers)
    Groups.push_back(std::move(Entry.second));
  auto FirstId = [&](const UnitGroup &G) -> const std::string & {
    return P.Units[G.Units.front()].Id;
  };
  for (UnitGroup &G : Groups)
    llvm::sort(G.Units, [&](size_t A, size_t B) {
      return P.Units[A].Id < P.Units[B].Id;
    });
  llvm::sort(Groups, [&](const UnitGroup &A, const UnitGroup &B) {
    if (A.Saving != B.Saving)
      return A.Saving > B.Saving;
    return FirstId(A) < FirstId(B);
  });
  for (UnitGroup &G : Groups)
    llvm::sort(G.Units);
  return Groups;
}

int nextBlock(const Placement &Where) {
  int Next = 0;
  for (int B : Where)
    Next = std::max(Next, B + 1);
  return Next;
}

} // namespace brisk
