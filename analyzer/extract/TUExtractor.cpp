//===- TUExtractor.cpp - Summarise one parsed translation unit ------------===//
//
// Two passes: a collector finds every function defined outside system headers
// (including lambdas' call operators), then each is summarised on its own
// (FunctionWalker). Facts inside a Runtime API polling loop go to a synthetic
// function for the loop body, which is registered as a handler.
//
//===----------------------------------------------------------------------===//

#include "extract/TUExtractor.h"

#include "extract/FunctionValues.h"
#include "extract/FunctionWalker.h"
#include "extract/PatternLiterals.h"
#include "extract/TUContext.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <tuple>

namespace brisk {

namespace {

using namespace clang;

/// Finds the functions to summarise: every definition outside system
/// headers, lambdas' call operators and the instantiations of user
/// templates the TU uses included; and the global variables whose
/// initialisers may store function values.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
  using Base = RecursiveASTVisitor<FunctionCollector>;

public:
  explicit FunctionCollector(TUContext &TU) : TU(TU) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || (!isa<TranslationUnitDecl>(D) && TU.isSystem(D->getLocation())))
      return true;
    return Base::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDeleted() &&
        !FD->isDefaulted())
      Functions.insert(FD);
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && !VD->isStaticLocal() && VD->getInit() &&
        !VD->getDeclContext()->isDependentContext())
      Globals.insert(VD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (CXXMethodDecl *Op = LE->getCallOperator(); Op && Op->hasBody())
      Functions.insert(Op);
    return true;
  }

  llvm::SetVector<const FunctionDecl *> Functions;
  llvm::SetVector<const VarDecl *> Globals;

private:
  TUContext &TU;
};

/// The main file and every header the TU read.
std::vector<FileRead> filesRead(const SourceManager &SM) {
  std::vector<FileRead> Out;
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile())
      continue;
    if (OptionalFileEntryRef FE = E.getFile().getContentCache().OrigEntry) {
      // The name as found can hold "dir/../" through a symlink (GCC's
      // include/c++ paths): only the real path is sure to name the file.
      llvm::SmallString<256> Path(FE->getFileEntry().tryGetRealPathName());
      if (Path.empty()) {
        Path = FE->getName();
        SM.getFileManager().makeAbsolutePath(Path);
        llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      }
      Out.push_back({std::string(Path),
                     E.getFile().getFileCharacteristic() != SrcMgr::C_User});
    }
  }
  auto ByPath = [](const FileRead &A, const FileRead &B) {
    return A.Path < B.Path;
  };
  llvm::sort(Out, ByPath);
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const FileRead &A, const FileRead &B) {
                          return A.Path == B.Path;
                        }),
            Out.end());
  return Out;
}

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(const Catalogs &Data, TUSummary &Out,
                  std::vector<FileRead> *Deps, SourceManager &SM)
      : Data(Data), Out(Out), Deps(Deps), SM(SM) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    summarizeTranslationUnit(Ctx, Data, Out);
    if (Deps)
      *Deps = filesRead(SM);
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

private:
  const Catalogs &Data;
  TUSummary &Out;
  std::vector<FileRead> *Deps;
  SourceManager &SM;
};

} // namespace

void summarizeTranslationUnit(ASTContext &Ctx, const Catalogs &Data,
                              TUSummary &Out) {
  TUContext TU(Ctx, Data, Out);
  FunctionCollector Collector(TU);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *FD : Collector.Functions)
    summarizeFunction(TU, FD);
  for (const VarDecl *VD : Collector.Globals)
    summarizeGlobalInitializer(TU, VD);
  finishFunctionValues(Out);
  summarizePatternLiterals(TU);
  // Keep the order independent of how clang happened to visit declarations.
  std::stable_sort(Out.Functions.begin(), Out.Functions.end(),
                   [](const FunctionSummary &A, const FunctionSummary &B) {
                     return std::tie(A.Loc, A.USR) < std::tie(B.Loc, B.USR);
                   });
}

std::unique_ptr<ASTConsumer> makeSummaryConsumer(CompilerInstance &CI,
                                                 const Catalogs &Data,
                                                 TUSummary &Out,
                                                 std::vector<FileRead> *Deps) {
  CI.getFrontendOpts().SkipFunctionBodies = true;
  return std::make_unique<SummaryConsumer>(Data, Out, Deps,
                                           CI.getSourceManager());
}

} // namespace brisk
