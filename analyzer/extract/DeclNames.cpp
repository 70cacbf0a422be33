//===- DeclNames.cpp - Stable names and locations for summaries -----------===//

#include "extract/DeclNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/TemplateBase.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

namespace brisk {

std::string usrOf(const clang::Decl *D) {
  llvm::SmallString<128> Buf;
  if (!clang::index::generateUSRForDecl(D, Buf))
    return std::string(Buf);
  // Clang declines some entities; their location is unique within a program.
  const clang::SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLoc L = sourceLoc(SM, D->getLocation());
  return "brisk:" + L.File + "@" + std::to_string(L.Line) + ":" +
         std::to_string(L.Column);
}

std::string qualifiedName(const clang::NamedDecl *D) {
  if (const auto *MD = llvm::dyn_cast<clang::CXXMethodDecl>(D)) {
    if (MD->getParent()->isLambda()) {
      const clang::DeclContext *DC = MD->getParent()->getDeclContext();
      while (DC && !llvm::isa<clang::NamedDecl>(DC))
        DC = DC->getParent();
      if (const auto *ND = llvm::dyn_cast_or_null<clang::NamedDecl>(DC);
          ND && !llvm::isa<clang::TranslationUnitDecl>(ND))
        return qualifiedName(ND) + "::lambda";
      return "lambda";
    }
  }
  clang::PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  D->printQualifiedName(OS, Policy);
  return Out;
}

std::string className(const clang::CXXRecordDecl *RD) {
  if (const auto *Spec =
          llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(RD))
    return qualifiedName(Spec->getSpecializedTemplate());
  return qualifiedName(RD);
}

std::string functionName(const clang::FunctionDecl *FD) {
  std::string Name = qualifiedName(FD);
  const clang::TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
  if (!Args || (llvm::isa<clang::CXXMethodDecl>(FD) &&
                llvm::cast<clang::CXXMethodDecl>(FD)->getParent()->isLambda()))
    return Name;
  clang::PrintingPolicy Policy(FD->getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  llvm::raw_string_ostream OS(Name);
  clang::printTemplateArgumentList(OS, Args->asArray(), Policy);
  return Name;
}

std::string spelledText(const clang::SourceManager &SM,
                        const clang::LangOptions &LO, clang::SourceRange R,
                        size_t MaxLength) {
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  llvm::StringRef Text = clang::Lexer::getSourceText(
      clang::CharSourceRange::getTokenRange(R), SM, LO);
  std::string Out;
  for (char C : Text) {
    bool Space = C == ' ' || C == '\t' || C == '\n' || C == '\r';
    if (!Space)
      Out.push_back(C);
    else if (!Out.empty() && Out.back() != ' ')
      Out.push_back(' ');
  }
  while (!Out.empty() && Out.back() == ' ')
    Out.pop_back();
  return Out.size() > MaxLength ? "" : Out;
}

bool hasQualifiedName(const clang::NamedDecl *D, llvm::StringRef Qualified) {
  return D && D->getDeclName().isIdentifier() &&
         Qualified.ends_with(D->getName()) && qualifiedName(D) == Qualified;
}

SourceLoc sourceLoc(const clang::SourceManager &SM, clang::SourceLocation L) {
  SourceLoc Out;
  L = SM.getExpansionLoc(L);
  if (L.isInvalid())
    return Out;
  clang::FileID FID = SM.getFileID(L);
  if (auto FE = SM.getFileEntryRefForID(FID)) {
    llvm::SmallString<256> Path(FE->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Out.File = std::string(Path);
  }
  Out.Line = SM.getExpansionLineNumber(L);
  Out.Column = SM.getExpansionColumnNumber(L);
  return Out;
}

} // namespace brisk
