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

  /// Records a call site. Site is the call expression the edge stands for
  /// (so that a write through its result can name it); ObjectExpr the
  /// object a non-const method runs on.
  void addEdge(const clang::FunctionDecl *Callee, CallKind Kind,
               clang::SourceLocation L,
               llvm::ArrayRef<const clang::Expr *> Args,
               ValueOrigin Object = unknownObject(),
               const clang::Expr *Site = nullptr,
               const clang::Expr *ObjectExpr = nullptr);

private:
  static ValueOrigin unknownObject() { return CallSite().Object; }

  /// What the arguments a user callee may write through, and its object,
  /// name; how arguments that may carry a parameter's data are spelled.
  void describeArguments(CallSite &C, const clang::FunctionDecl *Callee,
                         llvm::ArrayRef<const clang::Expr *> Args,
                         const clang::Expr *ObjectExpr);
  /// The object a constructor builds: a variable being initialised (a
  /// static or global is state), else a temporary or heap object.
  StateRef constructedObject(const clang::CXXConstructExpr *CE) const;

  void addDestructor(clang::QualType T, clang::SourceLocation L,
                     ValueOrigin Object);
  void onConstruct(const clang::CXXRecordDecl *RD,
                   const clang::CXXConstructorDecl *Ctor,
                   llvm::ArrayRef<const clang::Expr *> Args,
                   clang::SourceLocation L, unsigned Depth = 0,
                   const clang::VarDecl *Declared = nullptr);
  /// The variable E initialises, when E is its whole initialiser.
  const clang::VarDecl *initialisedBy(const clang::Expr *E) const;
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
  /// The variable whose initialiser is being walked.
  const clang::VarDecl *Initialising = nullptr;
  llvm::DenseSet<const clang::LambdaExpr *> StoredLambdas;
  llvm::DenseMap<const clang::ValueDecl *, const clang::CXXMethodDecl *>
      LambdaVars;
};

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_CALLFACTS_H
