//===- RuntimeApiUse.h - What code does with the Lambda Runtime API -------===//
//
// A Runtime API polling loop is recognised by what its body does: it fetches
// the next event and posts a response or an error. This scanner answers both
// questions for a statement, looking into the user functions it calls up to
// a given depth, and remembers which of the TU's functions fetch an event.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_RUNTIMEAPIUSE_H
#define BRISK_ANALYZER_EXTRACT_RUNTIMEAPIUSE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace brisk {

/// What a statement does with the Runtime API.
struct RuntimeUse {
  bool Fetches = false; // asks for the next invocation
  bool Posts = false;   // posts a response or an error
};

class RuntimeApiScanner {
public:
  explicit RuntimeApiScanner(const clang::SourceManager &SM) : SM(SM) {}

  /// What S does, looking into the functions it calls directly up to Depth
  /// levels.
  RuntimeUse use(const clang::Stmt *S, unsigned Depth);

  /// Whether a call hands back the next event: a fetch itself, or a call of
  /// one of this TU's functions that fetches (nextEvent(api)).
  bool fetchesEvent(const clang::CallExpr *CE);

private:
  bool isUserDecl(const clang::Decl *D) const;
  void scan(const clang::Stmt *S, unsigned Depth, RuntimeUse &U);

  const clang::SourceManager &SM;
  llvm::DenseSet<const clang::FunctionDecl *> Visiting;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Fetchers;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_RUNTIMEAPIUSE_H
