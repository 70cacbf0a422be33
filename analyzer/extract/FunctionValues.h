//===- FunctionValues.h - Where function values are stored and called -----===//
//
// The facts for a link-time, flow-insensitive points-to of function values:
// which functions and lambdas are stored in which slot (a variable, a
// member of any object, a parameter, what a function returns; elements of
// arrays and library containers are their container), which slots flow
// into which (copies, arguments, returns), and calls through a slot (a
// function pointer, a std::function, a member-function pointer, a route
// table's element). Only values whose type can hold a function are
// followed: function pointers, std::function and aggregates or library
// containers of them.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_FUNCTIONVALUES_H
#define BRISK_ANALYZER_EXTRACT_FUNCTIONVALUES_H

#include "extract/FunctionContext.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

namespace brisk {

class FunctionValues {
public:
  /// F is null for the initialisers of global variables.
  FunctionValues(TUContext &TU, FunctionContext *F) : TU(TU), F(F) {}

  void onVarDecl(const clang::VarDecl *VD);
  void onBinaryOperator(const clang::BinaryOperator *BO);
  void onCall(const clang::CallExpr *CE);
  void onConstruct(const clang::CXXConstructExpr *CE);
  void onReturn(const clang::ReturnStmt *RS);

private:
  bool holds(clang::QualType T);
  std::vector<std::string> sourcesOf(const clang::Expr *E, unsigned Depth = 0);
  void store(const std::string &To, const clang::Expr *E, unsigned Depth = 0);
  void storeInto(const clang::Expr *Target, const clang::Expr *E);
  void flow(const std::string &To, const std::string &From);
  void passArguments(const clang::FunctionDecl *Callee,
                     llvm::ArrayRef<const clang::Expr *> Args);
  void recordIndirectCall(const clang::CallExpr *CE, const clang::Expr *Callee,
                          llvm::ArrayRef<const clang::Expr *> Args);

  std::string varSlot(const clang::VarDecl *VD) const;
  std::string functionValue(const clang::FunctionDecl *FD) const;

  TUContext &TU;
  FunctionContext *F;
};

/// Records the flows a global variable's initialiser makes (a route table
/// built from a braced list, a registry filled by a constructor).
void summarizeGlobalInitializer(TUContext &TU, const clang::VarDecl *VD);

/// Sorts the TU's flows and drops repeats: facts, not events.
void finishFunctionValues(TUSummary &Out);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_FUNCTIONVALUES_H
