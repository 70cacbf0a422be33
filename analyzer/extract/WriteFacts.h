//===- WriteFacts.h - Writes one function makes to state ------------------===//
//
// Every write whose target may outlive the invocation: assignments,
// compound assignments, ++/--, mutators of library containers, value
// holders and atomics (from the state catalogue), and C functions that write
// through an argument (strcpy, snprintf). Each records its target
// (StateRefs), kind, the origin of the written value, the once-guard it is
// under, whether a mutex lock is held and whether the object is atomic.
// Writes a user callee makes through its parameters are not recorded here:
// the call site's argument references let linking map them.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_WRITEFACTS_H
#define BRISK_ANALYZER_EXTRACT_WRITEFACTS_H

#include "extract/FunctionContext.h"
#include "extract/StateRefs.h"

namespace brisk {

class WriteFacts {
public:
  explicit WriteFacts(FunctionContext &F) : F(F) {}

  void onBinaryOperator(const clang::BinaryOperator *BO);
  void onUnaryOperator(const clang::UnaryOperator *UO);
  void onCall(const clang::CallExpr *CE);
  /// What a function returning a reference or pointer refers to.
  void onReturn(const clang::ReturnStmt *RS);

private:
  void onOperatorCall(const clang::CXXOperatorCallExpr *OC);
  void onMemberCall(const clang::CXXMemberCallExpr *MC);
  void onWriterFunction(const clang::CallExpr *CE);
  /// The state catalogue's entry for the class of E's type, when it is a
  /// library class.
  const StateClass *libraryClassOf(const clang::Expr *E) const;
  /// Records a write to Target. Container: Target's state-catalogue
  /// class, when it has one (its assignments replace everything it holds).
  void record(const clang::Expr *Target, WriteKind Kind,
              clang::SourceLocation L, ValueOrigin Value,
              const clang::Expr *ValueExpr, const StateClass *Container,
              const clang::Expr *KeyExpr = nullptr, bool Replaces = false);

  FunctionContext &F;
};

/// Gives pending call-result references their call's index, and drops
/// writes whose call was never recorded. Run once the function is walked.
void resolvePendingRefs(FunctionContext &F);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_WRITEFACTS_H
