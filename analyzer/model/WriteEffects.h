//===- WriteEffects.h - What each function writes, callees included -------===//
//
// Linking resolves each function's writes (StateWrite) to what they land
// in: a write through what a user function returns takes that function's
// return reference, and a write a callee makes through a parameter or its
// implicit object becomes a write of the caller, at the call, to what the
// caller passed (the per-parameter "writes" of the callee, resolved like
// origins). The origin of the written value is carried over through the
// call's argument origins. The result, per function, names only globals,
// captured locals of enclosing functions and the function's own
// parameters; locals were dropped.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_WRITEEFFECTS_H
#define BRISK_ANALYZER_MODEL_WRITEEFFECTS_H

#include "model/ProgramModel.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace brisk {

/// A write as the function making it sees it.
struct WriteEffect : WriteTraits {
  /// A global, a captured local or one of the function's parameters.
  StateRef Target;
  /// Where the function writes: the write itself, or the call through which
  /// a callee writes.
  SourceLoc Loc;
  /// The call in this function the write comes through (null: its own), and
  /// the function and place of the write itself.
  const CallSite *Via = nullptr;
  NodeId Writer = 0;
  SourceLoc WriteLoc;
};

class WriteEffects {
public:
  static WriteEffects compute(const ProgramModel &Model);

  llvm::ArrayRef<WriteEffect> of(NodeId N) const { return Effects[N]; }

private:
  std::vector<std::vector<WriteEffect>> Effects;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_WRITEEFFECTS_H
