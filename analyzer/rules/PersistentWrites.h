//===- PersistentWrites.h - Writes a handler makes to lasting state -------===//
//
// What the four global-state rules read: every write, in code a handler
// runs per invocation, to state that outlives the invocation. That is a
// global, class-static or function-local static variable (or something
// reached through one), a local of init code (main) that the handler lambda
// captured by reference, a local declared before a Runtime API loop, or a
// member of a function object handler, which is built before the first
// invocation. Writes to locals, to the request and to
// objects built per invocation were dropped on the way.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_PERSISTENTWRITES_H
#define BRISK_ANALYZER_RULES_PERSISTENTWRITES_H

#include "rules/Rule.h"

#include <set>
#include <string>
#include <vector>

namespace brisk {

struct PersistentWrite {
  NodeId Where = 0; // the function writing (or calling the one that does)
  const WriteEffect *Effect = nullptr;
  /// The state as messages name it: "g_cache.Items", "Handler::Seen".
  std::string Name;
  /// Equal for writes to the same object (its elements included).
  std::string Identity;
  /// Not under a once-guard that holds on this path.
  bool PerInvocation = false;
  /// A local declared before the Runtime API loop of its function: state of
  /// that one loop (often its own control state), never shared by others.
  bool LoopLocal = false;
};

/// Handler H's writes to lasting state, in reach order.
std::vector<PersistentWrite> persistentWrites(const Analysis &A, unsigned H);

/// Whether Identity, or an object holding it ("a.b" holds "a.b.c"), is in
/// Identities.
bool heldIn(const std::set<std::string> &Identities, llvm::StringRef Identity);

/// "assigned", "incremented", "inserted into", "erased from", "modified".
llvm::StringRef writeVerb(WriteKind K);

/// Rule's finding of W in handler H, at the write (or the call it comes
/// through, with a note at the callee's own write), with the call path:
/// "'<state>' in handler '<handler>': <What>".
Finding writeFinding(const Analysis &A, const Rule &R, unsigned H,
                     const PersistentWrite &W, llvm::StringRef What);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_PERSISTENTWRITES_H
