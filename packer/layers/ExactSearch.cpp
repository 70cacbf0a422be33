//===- ExactSearch.cpp - Every placement of groups, branch and bound ------===//
//
// Groups are taken in order; each goes to a new block, to one of the blocks
// made so far, or stays in its functions (blocks are numbered in the order
// they are opened, so no placement is visited twice under other numbers).
// A branch is cut when it already stores more than the best plan found, when
// a function already attaches more blocks than it may have layers, or when a
// function's bytes with the layers it attaches (the units it uses, wherever
// they end up, plus what it attaches without using) pass the unzipped limit:
// these only grow deeper down. Leaves are checked in full by the evaluator,
// zip splitting included.
//
//===----------------------------------------------------------------------===//

#include "layers/PlanSearch.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace brisk {

namespace {
struct BlockState {
  std::vector<char> Users; // per function
  uint64_t UnzippedBytes = 0;
};

class ExactSearch {
public:
  ExactSearch(const PlanEvaluator &Eval, const std::vector<UnitGroup> &Groups,
              size_t NodeLimit)
      : Eval(Eval), P(Eval.problem()), Groups(Groups), NodeLimit(NodeLimit) {}

  std::optional<Placement> run(const Placement &Start, int FirstBlock) {
    Where = Start;
    size_t NF = P.Functions.size();
    Attached.assign(NF, 0);
    Waste.assign(NF, 0);
    // The blocks already there (kept layers) count from the start.
    Blocks.resize(FirstBlock);
    for (auto &B : Blocks)
      B.Users.assign(NF, 0);
    for (size_t U = 0; U < Where.size(); ++U)
      if (Where[U] >= 0) {
        BlockState &B = Blocks[Where[U]];
        B.UnzippedBytes += P.Units[U].UnzippedBytes;
        for (size_t F : P.Units[U].Users)
          B.Users[F] = 1;
      }
    for (const BlockState &B : Blocks)
      for (size_t F = 0; F < NF; ++F)
        Attached[F] += B.Users[F];
    FirstFree = FirstBlock;
    visit(0, 0);
    if (GaveUp)
      return std::nullopt;
    return Best ? std::optional<Placement>(BestWhere)
                : std::optional<Placement>(Start);
  }

private:
  void place(const UnitGroup &G, int Block) {
    for (size_t U : G.Units)
      Where[U] = Block;
  }

  /// Adds group \p G to block \p B; false when a bound says no leaf below
  /// can be feasible.
  bool join(const UnitGroup &G, BlockState &B) {
    const LayerLimits &L = P.Limits;
    std::vector<char> InGroup(P.Functions.size(), 0);
    for (size_t F : G.Users)
      InGroup[F] = 1;
    bool Ok = true;
    for (size_t F = 0; F < P.Functions.size(); ++F) {
      if (B.Users[F] && !InGroup[F])
        Waste[F] += G.UnzippedBytes;
      if (!B.Users[F] && InGroup[F]) {
        Waste[F] += B.UnzippedBytes;
        ++Attached[F];
        B.Users[F] = 1;
      }
      if (Attached[F] > L.MaxLayers ||
          Eval.aloneBytes(F) + Waste[F] > L.UnzippedBytesMax)
        Ok = false;
    }
    B.UnzippedBytes += G.UnzippedBytes;
    return Ok;
  }

  void visit(size_t I, uint64_t Lost) {
    if (GaveUp)
      return;
    if (++Nodes > NodeLimit) {
      GaveUp = true;
      return;
    }
    if (Best && Eval.lowerBound() + Lost > Best->Content)
      return;
    if (I == Groups.size()) {
      Evaluation E = Eval.evaluate(Where);
      if (E.Feasible && (!Best || PlanEvaluator::cheaper(E, *Best))) {
        Best = std::move(E);
        BestWhere = Where;
      }
      return;
    }
    const UnitGroup &G = Groups[I];
    // A new block first: no function attaches what it does not use.
    int Open = static_cast<int>(Blocks.size());
    for (int B = Open; B >= FirstFree; --B) {
      auto SavedAttached = Attached;
      auto SavedWaste = Waste;
      if (B == Open) {
        Blocks.emplace_back();
        Blocks.back().Users.assign(P.Functions.size(), 0);
      }
      BlockState Saved = Blocks[B];
      if (join(G, Blocks[B])) {
        place(G, B);
        visit(I + 1, Lost);
        place(G, -1);
      }
      Blocks[B] = std::move(Saved);
      if (B == Open)
        Blocks.pop_back();
      Attached = std::move(SavedAttached);
      Waste = std::move(SavedWaste);
    }
    visit(I + 1, Lost + G.Saving);
  }

  const PlanEvaluator &Eval;
  const LayerProblem &P;
  const std::vector<UnitGroup> &Groups;
  size_t NodeLimit;
  size_t Nodes = 0;
  bool GaveUp = false;
  int FirstFree = 0;
  Placement Where;
  std::vector<BlockState> Blocks;
  std::vector<unsigned> Attached;
  std::vector<uint64_t> Waste;
  std::optional<Evaluation> Best;
  Placement BestWhere;
};
} // namespace

std::optional<Placement> searchExact(const PlanEvaluator &Eval,
                                     const std::vector<UnitGroup> &Groups,
                                     const Placement &Start, int FirstBlock,
                                     size_t NodeLimit) {
  return ExactSearch(Eval, Groups, NodeLimit).run(Start, FirstBlock);
}

} // namespace brisk
