//===- BindingConstraint.cpp - Why a plan does not reach the lower bound --===//

#include "layers/BindingConstraint.h"
#include "layers/ByteCount.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

static void addOnce(std::vector<std::string> &To,
                    const std::vector<std::string> &From) {
  for (const std::string &S : From)
    if (!is_contained(To, S))
      To.push_back(S);
}

static std::string quotedList(const LayerProblem &P,
                              const std::vector<size_t> &Functions) {
  std::string Out;
  for (size_t I = 0; I < Functions.size(); ++I) {
    if (I)
      Out += I + 1 == Functions.size() ? " and " : ", ";
    Out += "'" + P.Functions[Functions[I]].Name + "'";
  }
  return Out;
}

void explainBinding(const PlanEvaluator &Eval,
                    const std::vector<UnitGroup> &Groups,
                    const Placement &Start, int FirstBlock, LayerPlan &Plan) {
  const LayerProblem &P = Eval.problem();
  std::vector<size_t> Kept;
  for (size_t U = 0; U < P.Units.size(); ++U)
    if (Plan.UnitLayer[U] < 0 && Eval.shareable(U))
      Kept.push_back(U);
  if (Kept.empty())
    return;

  Placement Apart = Start;
  for (size_t G = 0; G < Groups.size(); ++G)
    for (size_t U : Groups[G].Units)
      Apart[U] = FirstBlock + static_cast<int>(G);
  Evaluation Separate = Eval.evaluate(Apart, /*Explain=*/true);
  addOnce(Plan.Binding, Separate.Violations);
  Placement Merged =
      searchGreedy(Eval, Groups, Start, FirstBlock, /*MustPlace=*/true);
  Evaluation Together = Eval.evaluate(Merged, /*Explain=*/true);
  addOnce(Plan.Binding, Together.Violations);
  if (Plan.Binding.empty())
    Plan.Binding.push_back("no limit: the greedy search missed the bound");

  llvm::stable_sort(Kept, [&](size_t A, size_t B) {
    return Eval.saving(A) > Eval.saving(B);
  });
  constexpr size_t Shown = 8;
  uint64_t Rest = 0;
  for (size_t I = 0; I < Kept.size(); ++I) {
    const ShareableUnit &U = P.Units[Kept[I]];
    if (I >= Shown) {
      Rest += Eval.saving(Kept[I]);
      continue;
    }
    Plan.Instead.push_back("'" + U.Name + "' stays in " +
                           quotedList(P, U.Users) + " (" +
                           std::to_string(U.Users.size()) + " copies of " +
                           groupedBytes(U.ZipBytes) + " bytes zipped)");
  }
  if (Kept.size() > Shown)
    Plan.Instead.push_back("and " + std::to_string(Kept.size() - Shown) +
                           " more units, " + groupedBytes(Rest) +
                           " bytes over the bound");
}

} // namespace brisk
