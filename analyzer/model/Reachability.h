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
// A lazy-init guard on a member of the implicit object is a once-guard only
// when the object outlives the invocation; a fixpoint with the walk finds
// which functions may run on an object built per invocation (a local, a
// temporary, the request). Another says which functions are only ever
// called under a mutex lock.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_REACHABILITY_H
#define BRISK_ANALYZER_MODEL_REACHABILITY_H

#include "model/ProgramModel.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace brisk {

/// One call on the path from a handler: Caller calls Callee through Site.
struct PathStep {
  NodeId Caller = 0;
  const CallSite *Site = nullptr;
  NodeId Callee = 0;
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
  /// The shortest per-invocation path from handler H's entry to N that uses
  /// only calls Allowed accepts, or nullopt when there is none.
  std::optional<std::vector<PathStep>>
  pathThrough(const ProgramModel &Model, unsigned H, NodeId N,
              llvm::function_ref<bool(const CallSite &)> Allowed) const;
  /// Whether handler H runs N per invocation (its entry included).
  bool reaches(unsigned H, NodeId N) const;

  /// Whether a site under Once in reached function N runs per invocation.
  bool runsPerInvocation(NodeId N, OnceKind Once) const;
  /// Whether every per-invocation call of N (directly or through its
  /// callers) holds a mutex lock.
  bool calledUnderLock(NodeId N) const { return AlwaysLocked[N]; }

  /// Whether Origin, a value in reached function N, may be request data.
  bool mayDependOnRequest(NodeId N, const ValueOrigin &Origin) const;
  /// Whether Origin is derived from a parameter that a per-invocation call
  /// is seen to pass request data: the evidence a finding about request
  /// data needs (mayDependOnRequest also suspects a lambda's other values,
  /// and the parameters of lambdas nobody is seen to call).
  bool carriesRequest(NodeId N, const ValueOrigin &Origin) const {
    return (Origin.ParamMask & EvidentRequestParams[N]) != 0;
  }
  /// The parameters of N (bits, ValueOrigin::ThisBit the implicit object)
  /// that are seen to receive request data.
  uint64_t requestParams(NodeId N) const { return EvidentRequestParams[N]; }
  /// Whether Origin, a value in reached function N, is a compile-time
  /// constant on every per-invocation path (directly, or through parameters
  /// that only ever receive constants).
  bool isConstant(NodeId N, const ValueOrigin &Origin) const;

private:
  void walkHandlers(const ProgramModel &Model);
  /// Recomputes TransientParams from the reached edges; true if it grew.
  bool propagateTransientObjects(const ProgramModel &Model);
  void propagateParameterFacts(const ProgramModel &Model);
  void computeLockedCallers(const ProgramModel &Model);

  std::vector<HandlerReach> Reach;
  /// Per node: parameters (and the implicit object) that may receive request
  /// data / non-constants.
  std::vector<uint64_t> RequestParams;
  std::vector<uint64_t> EvidentRequestParams;
  std::vector<uint64_t> NonConstantParams;
  /// Per node: a lambda (or a function object created in per-invocation
  /// code) called per invocation, whose captures or members may hold request
  /// data: its values of other origin may be request data too.
  std::vector<bool> CapturesRequest;
  /// Per node: parameters (and the implicit object) that may refer to an
  /// object built per invocation.
  std::vector<uint64_t> TransientParams;
  std::vector<bool> AlwaysLocked;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_REACHABILITY_H
