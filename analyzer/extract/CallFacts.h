//===- CallFacts.h - The calls one function makes -------------------------===//
//
// Every call edge of a function with the origins of its arguments and of the
// callee's implicit object: direct and virtual calls, constructors (with
// the members and bases a compiler-written constructor builds, and the
// construction a library factory such as std::make_unique performs),
// destructors of locals, temporaries and deleted objects, and lambdas and
// function objects, assumed called where they are created or handed on.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_CALLFACTS_H
#define BRISK_ANALYZER_EXTRACT_CALLFACTS_H

#include "extract/FunctionContext.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace brisk {

class CallFacts {
public:
  explicit CallFacts(FunctionContext &F) : F(F) {}

  void onCall(const clang::CallExpr *CE);
  void onConstructExpr(const clang::CXXConstructExpr *CE);
  void onDelete(const clang::CXXDeleteExpr *DE);
  void onTemporary(const clang::CXXBindTemporaryExpr *BT);
  /// A lambda expression: called where it is created unless it is kept in
  /// a variable (then where the variable is called or handed on).
  void onLambda(const clang::LambdaExpr *LE);
  /// A variable declaration, before its initialiser is walked: remembers
  /// lambdas kept in variables.
  void onVarDeclBegin(const clang::VarDecl *VD);
  /// After its initialiser: the destructor of a local.
  void onVarDeclEnd(const clang::VarDecl *VD);
  /// The callable std::call_once runs.
  void onCallOnce(const clang::CallExpr *CE);

  void addEdge(const clang::FunctionDecl *Callee, CallKind Kind,
               clang::SourceLocation L,
               llvm::ArrayRef<const clang::Expr *> Args,
               ValueOrigin Object = unknownObject());

private:
  static ValueOrigin unknownObject() { return CallSite().Object; }

  void addDestructor(clang::QualType T, clang::SourceLocation L,
                     ValueOrigin Object);
  void onConstruct(const clang::CXXRecordDecl *RD,
                   const clang::CXXConstructorDecl *Ctor,
                   llvm::ArrayRef<const clang::Expr *> Args,
                   clang::SourceLocation L, unsigned Depth = 0);
  void constructMembers(const clang::CXXRecordDecl *RD, unsigned Depth);
  /// Handles std::make_unique<T>(...) and its kin; false when CE is none.
  bool onFactory(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                 llvm::ArrayRef<const clang::Expr *> Args);
  const clang::CXXMethodDecl *storedLambda(const clang::Expr *E) const;
  void addCallableUse(const clang::Expr *E, clang::SourceLocation L);
  ValueOrigin objectOfCall(const clang::CallExpr *CE,
                           const clang::CXXMethodDecl *MD) const;
  ValueOrigin
  objectOfConstruction(const clang::CXXRecordDecl *RD,
                       const clang::CXXConstructorDecl *Ctor,
                       llvm::ArrayRef<const clang::Expr *> Args) const;

  FunctionContext &F;
  llvm::DenseSet<const clang::LambdaExpr *> StoredLambdas;
  llvm::DenseMap<const clang::ValueDecl *, const clang::CXXMethodDecl *>
      LambdaVars;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CALLFACTS_H
