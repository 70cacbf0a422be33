//===- PatternLiterals.cpp - String literals shaped like credentials ------===//

#include "extract/PatternLiterals.h"

#include "extract/DeclNames.h"

#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>
#include <tuple>

namespace brisk {

namespace {

using namespace clang;

/// Arguments the code spells out: a defaulted allocator does not make a
/// std::string construction a place that holds a pair.
template <typename Range> unsigned writtenArgs(Range Args) {
  unsigned N = 0;
  for (const Expr *A : Args)
    N += !isa<CXXDefaultArgExpr>(A);
  return N;
}

std::string place(const char *Kind, const SourceLoc &L) {
  return std::string(Kind) + ":" + L.File + "@" + std::to_string(L.Line) + ":" +
         std::to_string(L.Column);
}

class LiteralScanner : public RecursiveASTVisitor<LiteralScanner> {
  using Base = RecursiveASTVisitor<LiteralScanner>;

public:
  explicit LiteralScanner(TUContext &TU) : TU(TU) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D || (!isa<TranslationUnitDecl>(D) && TU.isSystem(D->getLocation())))
      return true;
    std::string Saved = Block;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      Block = "block:" + usrOf(FD);
    bool R = Base::TraverseDecl(D);
    Block = Saved;
    return R;
  }

  bool TraverseFieldDecl(FieldDecl *FD) {
    return within("class:" + usrOf(FD->getParent()),
                  [&] { return Base::TraverseFieldDecl(FD); });
  }

  // Only calls that pass several arguments hold a pair; a lone literal
  // converted to a std::string is not a place of its own.
  bool TraverseCallExpr(CallExpr *CE) {
    if (writtenArgs(CE->arguments()) < 2)
      return Base::TraverseCallExpr(CE);
    return within(place("call", sourceLoc(TU.SM, CE->getBeginLoc())),
                  [&] { return Base::TraverseCallExpr(CE); });
  }
  bool TraverseCXXMemberCallExpr(CXXMemberCallExpr *CE) {
    if (writtenArgs(CE->arguments()) < 2)
      return Base::TraverseCXXMemberCallExpr(CE);
    return within(place("call", sourceLoc(TU.SM, CE->getBeginLoc())),
                  [&] { return Base::TraverseCXXMemberCallExpr(CE); });
  }
  bool TraverseCXXConstructExpr(CXXConstructExpr *CE) {
    if (writtenArgs(CE->arguments()) < 2)
      return Base::TraverseCXXConstructExpr(CE);
    return within(place("call", sourceLoc(TU.SM, CE->getBeginLoc())),
                  [&] { return Base::TraverseCXXConstructExpr(CE); });
  }
  bool TraverseCXXTemporaryObjectExpr(CXXTemporaryObjectExpr *CE) {
    if (writtenArgs(CE->arguments()) < 2)
      return Base::TraverseCXXTemporaryObjectExpr(CE);
    return within(place("call", sourceLoc(TU.SM, CE->getBeginLoc())),
                  [&] { return Base::TraverseCXXTemporaryObjectExpr(CE); });
  }
  bool TraverseInitListExpr(InitListExpr *ILE) {
    if (ILE->getNumInits() < 2)
      return Base::TraverseInitListExpr(ILE);
    return within(place("init", sourceLoc(TU.SM, ILE->getBeginLoc())),
                  [&] { return Base::TraverseInitListExpr(ILE); });
  }

  bool VisitStringLiteral(StringLiteral *SL) {
    if (SL->getCharByteWidth() != 1 || TU.isSystem(SL->getBeginLoc()))
      return true;
    for (const std::string &Id : TU.Data.Credentials->match(SL->getString()))
      TU.Out.Literals.push_back(
          {Id, sourceLoc(TU.SM, SL->getBeginLoc()),
           Group.empty() ? (Block.empty() ? "block:" + TU.Out.MainFile : Block)
                         : Group});
    return true;
  }

private:
  template <typename Fn> bool within(std::string Place, Fn Traverse) {
    std::string Saved = Group;
    Group = std::move(Place);
    bool R = Traverse();
    Group = Saved;
    return R;
  }

  TUContext &TU;
  std::string Group; // the innermost call, initialiser or class
  std::string Block; // the function around it
};

} // namespace

void summarizePatternLiterals(TUContext &TU) {
  if (!TU.Data.Credentials)
    return;
  LiteralScanner(TU).TraverseDecl(TU.Ctx.getTranslationUnitDecl());
  // A braced list is walked in its syntactic and its semantic form.
  auto Key = [](const PatternLiteral &L) {
    return std::tie(L.Loc, L.PatternId, L.Group);
  };
  std::vector<PatternLiteral> &Out = TU.Out.Literals;
  std::sort(Out.begin(), Out.end(),
            [&](const PatternLiteral &A, const PatternLiteral &B) {
              return Key(A) < Key(B);
            });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [&](const PatternLiteral &A, const PatternLiteral &B) {
                          return Key(A) == Key(B);
                        }),
            Out.end());
}

} // namespace brisk
