//===- LayerPlanner.cpp - Which shared units go into which layers ---------===//

#include "layers/LayerPlanner.h"
#include "layers/BindingConstraint.h"
#include "layers/PlanSearch.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

// The --reuse-layers layers that still fit, each checked with those kept
// before it, in the order given; the others are named in Plan.NotKept.
static Placement keepLayers(const PlanEvaluator &Eval, LayerPlan &Plan,
                            std::vector<size_t> &KeptBlocks) {
  const LayerProblem &P = Eval.problem();
  Placement Where(P.Units.size(), -1);
  for (size_t K = 0; K < P.Kept.size(); ++K) {
    Placement Try = Where;
    int Block = static_cast<int>(KeptBlocks.size());
    for (size_t U : P.Kept[K].Units)
      Try[U] = Block;
    Evaluation E = Eval.evaluate(Try, /*Explain=*/true);
    if (!E.Feasible) {
      Plan.NotKept.push_back(P.Kept[K].Name + ": " + E.Violations.front());
      continue;
    }
    Where = std::move(Try);
    KeptBlocks.push_back(K);
  }
  return Where;
}

LayerPlan planLayers(const LayerProblem &Problem) {
  PlanEvaluator Eval(Problem);
  LayerPlan Plan;
  Plan.LowerBound = Eval.lowerBound();
  std::vector<size_t> KeptBlocks;
  Placement Start = keepLayers(Eval, Plan, KeptBlocks);
  int FirstBlock = static_cast<int>(KeptBlocks.size());
  std::vector<UnitGroup> Groups = groupUnits(Eval, Start);
  Plan.Groups = Groups.size();

  Placement Where = Start;
  if (Groups.empty()) {
    Plan.Method = KeptBlocks.empty() ? PlanMethod::Nothing : PlanMethod::Exact;
  } else {
    std::optional<Placement> Exact;
    if (Groups.size() <= Problem.Limits.ExactGroupsMax)
      Exact =
          searchExact(Eval, Groups, Start, FirstBlock, ExactSearchNodeLimit);
    Plan.Method = Exact ? PlanMethod::Exact : PlanMethod::Greedy;
    Where = Exact ? std::move(*Exact)
                  : searchGreedy(Eval, Groups, Start, FirstBlock);
    Where = refineUnits(Eval, std::move(Where), FirstBlock);
  }

  Evaluation Final = Eval.evaluate(Where);
  Plan.StoredBytes = Final.Stored;
  Plan.FunctionLayers = std::move(Final.FunctionLayers);
  Plan.UnitLayer.assign(Problem.Units.size(), -1);
  for (size_t L = 0; L < Final.Layers.size(); ++L) {
    PlannedLayer &Layer = Final.Layers[L];
    for (size_t K : KeptBlocks) {
      std::vector<size_t> Units = Problem.Kept[K].Units;
      llvm::sort(Units);
      if (Units == Layer.Units)
        Layer.KeptName = Problem.Kept[K].Name;
    }
    for (size_t U : Layer.Units)
      Plan.UnitLayer[U] = static_cast<int>(L);
  }
  Plan.Layers = std::move(Final.Layers);
  explainBinding(Eval, Groups, Start, FirstBlock, Plan);
  return Plan;
}

} // namespace brisk
