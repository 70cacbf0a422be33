//===- Reachability.h - What runs on every invocation ---------------------===//
//
// From each handler, a breadth-first walk over the call graph that stops at
// once-guards (function-local static initialisers, std::call_once, lazy-init
// blocks) finds the per-invocation code and the shortest call path to each
// function. A second, whole-graph fixpoint tells which parameters of reached
// functions may carry request data, and which may carry a value that is not
// a compile-time constant, so rules can stay silent when an argument depends
// on the request. A method's or constructor's implicit object is one more
// parameter (ValueOrigin::ThisBit), fed by each call site's object origin.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_REACHABILITY_H
#define BRISK_ANALYZER_MODEL_REACHABILITY_H

#include "model/ProgramModel.h"

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <vector>

namespace brisk {

/// One call on the path from a handler: Caller calls through Site.
struct PathStep {
  NodeId Caller = 0;
  const CallSite *Site = nullptr;
};

/// What one handler reaches, in breadth-first (deterministic) order.
struct HandlerReach {
  std::vector<NodeId> Order;
  /// Reached node -> the step that first reached it (absent for the entry).
  llvm::DenseMap<NodeId, PathStep> Parent;
};

class Reachability {
public:
  static Reachability compute(const ProgramModel &Model);

  /// One entry per Model.handlers(), same order.
  llvm::ArrayRef<HandlerReach> perHandler() const { return Reach; }

  /// The call steps from handler H's entry to N (empty when N is the entry).
  std::vector<PathStep> pathTo(unsigned H, NodeId N) const;

  /// Whether Origin, a value in reached function N, may be request data.
  bool mayDependOnRequest(NodeId N, const ValueOrigin &Origin) const;
  /// Whether Origin, a value in reached function N, is a compile-time
  /// constant on every per-invocation path (directly, or through parameters
  /// that only ever receive constants).
  bool isConstant(NodeId N, const ValueOrigin &Origin) const;

private:
  void propagateParameterFacts(const ProgramModel &Model);

  std::vector<HandlerReach> Reach;
  /// Per node: parameters (and the implicit object) that may receive request
  /// data / non-constants.
  std::vector<uint64_t> RequestParams;
  std::vector<uint64_t> NonConstantParams;
  /// Per node: a lambda (or a function object created in per-invocation
  /// code) called per invocation, whose captures or members may hold request
  /// data: its values of other origin may be request data too.
  std::vector<bool> CapturesRequest;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_REACHABILITY_H
