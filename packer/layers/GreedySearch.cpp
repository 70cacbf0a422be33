//===- GreedySearch.cpp - Groups placed one at a time ---------------------===//
//
// Each group, largest saving first, goes where the evaluator prices the
// whole placement lowest among: a new layer of its own, each layer made so
// far, or (if neither is feasible) its functions. Each step only accepts a
// feasible placement, so the result is feasible; how far it is from the best
// is bounded by the lower bound the plan is printed against.
//
//===----------------------------------------------------------------------===//

#include "layers/PlanSearch.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

// When every group must be placed: fewer functions over their layer count
// first (merging is what a layer limit asks for), then fewer broken rules,
// then cost.
static bool closer(const Evaluation &A, const Evaluation &B) {
  if (A.OverLayers != B.OverLayers)
    return A.OverLayers < B.OverLayers;
  if (A.Violations.size() != B.Violations.size())
    return A.Violations.size() < B.Violations.size();
  return PlanEvaluator::cheaper(A, B);
}

Placement searchGreedy(const PlanEvaluator &Eval,
                       const std::vector<UnitGroup> &Groups, Placement Start,
                       int FirstBlock, bool MustPlace) {
  Placement Where = std::move(Start);
  int Open = std::max(FirstBlock, nextBlock(Where));
  for (const UnitGroup &G : Groups) {
    std::optional<Evaluation> Best;
    int BestBlock = -1;
    // A new block, the blocks made so far, and (unless every group must be
    // placed) the functions.
    std::vector<int> Candidates;
    for (int B = Open; B >= FirstBlock; --B)
      Candidates.push_back(B);
    if (!MustPlace)
      Candidates.push_back(-1);
    for (int B : Candidates) {
      for (size_t U : G.Units)
        Where[U] = B;
      Evaluation E = Eval.evaluate(Where, /*Explain=*/MustPlace);
      bool Better = MustPlace ? (!Best || closer(E, *Best))
                              : (E.Feasible &&
                                 (!Best || PlanEvaluator::cheaper(E, *Best)));
      if (Better) {
        Best = std::move(E);
        BestBlock = B;
      }
    }
    for (size_t U : G.Units)
      Where[U] = BestBlock;
    if (BestBlock == Open)
      ++Open;
  }
  return Where;
}

Placement refineUnits(const PlanEvaluator &Eval, Placement Where,
                      int FirstBlock) {
  const LayerProblem &P = Eval.problem();
  Evaluation Current = Eval.evaluate(Where);
  std::vector<size_t> Order;
  for (size_t U = 0; U < P.Units.size(); ++U)
    if (Where[U] < 0 && Eval.shareable(U))
      Order.push_back(U);
  llvm::stable_sort(Order, [&](size_t A, size_t B) {
    return Eval.saving(A) > Eval.saving(B);
  });
  for (size_t U : Order) {
    int Open = nextBlock(Where);
    int BestBlock = -1;
    for (int B = Open; B >= FirstBlock; --B) {
      Where[U] = B;
      Evaluation E = Eval.evaluate(Where);
      if (E.Feasible && PlanEvaluator::cheaper(E, Current)) {
        Current = std::move(E);
        BestBlock = B;
      }
    }
    Where[U] = BestBlock;
  }
  return Where;
}

} // namespace brisk
