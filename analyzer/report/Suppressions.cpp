//===- Suppressions.cpp - NOLINT comments, as clang-tidy reads them -------===//

#include "report/Suppressions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/GlobPattern.h"

#include <cctype>

namespace brisk {

namespace {

enum class DirectiveKind { SameLine, NextLine, Begin, End };

struct OpenBegin {
  unsigned Line = 0, Column = 0;
  std::string List; // normalised, to pair BEGIN with END
  bool All = true;
  std::vector<std::string> Globs;
};

Finding unpairedError(llvm::StringRef File, unsigned Line, unsigned Column,
                      bool IsBegin) {
  Finding F;
  F.Rule = "nolint";
  F.Level = Severity::Error;
  F.Category = "suppression";
  F.Loc = {File.str(), Line, Column};
  F.Message = IsBegin ? "unmatched 'NOLINTBEGIN' comment without a "
                        "subsequent 'NOLINTEND' comment"
                      : "unmatched 'NOLINTEND' comment without a previous "
                        "'NOLINTBEGIN' comment";
  return F;
}

bool isIdentifierChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

} // namespace

FileSuppressions FileSuppressions::parse(llvm::StringRef File,
                                         llvm::StringRef Text) {
  FileSuppressions S;
  std::vector<OpenBegin> Open;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (unsigned L = 1; L <= Lines.size(); ++L) {
    llvm::StringRef Line = Lines[L - 1];
    for (size_t Pos = Line.find("NOLINT"); Pos != llvm::StringRef::npos;
         Pos = Line.find("NOLINT", Pos + 1)) {
      llvm::StringRef Rest = Line.substr(Pos + 6);
      DirectiveKind Kind = DirectiveKind::SameLine;
      if (Rest.consume_front("NEXTLINE"))
        Kind = DirectiveKind::NextLine;
      else if (Rest.consume_front("BEGIN"))
        Kind = DirectiveKind::Begin;
      else if (Rest.consume_front("END"))
        Kind = DirectiveKind::End;
      if (!Rest.empty() && isIdentifierChar(Rest.front()))
        continue; // NOLINTFOO is not a directive
      bool All = true;
      std::vector<std::string> Globs;
      std::string List;
      if (Rest.consume_front("(")) {
        size_t Close = Rest.find(')');
        if (Close == llvm::StringRef::npos)
          continue; // malformed: suppress nothing rather than everything
        All = false;
        llvm::SmallVector<llvm::StringRef, 4> Items;
        Rest.take_front(Close).split(Items, ',', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef Item : Items)
          if (!Item.trim().empty())
            Globs.push_back(Item.trim().str());
        List = llvm::join(Globs, ",");
      }
      unsigned Column = Pos + 1;
      switch (Kind) {
      case DirectiveKind::SameLine:
        S.Ranges.push_back({L, L, All, std::move(Globs)});
        break;
      case DirectiveKind::NextLine:
        S.Ranges.push_back({L + 1, L + 1, All, std::move(Globs)});
        break;
      case DirectiveKind::Begin:
        Open.push_back(
            {L, Column, All ? "*all*" : List, All, std::move(Globs)});
        break;
      case DirectiveKind::End: {
        std::string Key = All ? "*all*" : List;
        auto It = llvm::find_if(llvm::reverse(Open), [&](const OpenBegin &B) {
          return B.List == Key;
        });
        if (It == Open.rend()) {
          S.Unpaired.push_back(unpairedError(File, L, Column, false));
          break;
        }
        S.Ranges.push_back({It->Line, L, It->All, It->Globs});
        Open.erase(std::next(It).base());
        break;
      }
      }
    }
  }
  for (const OpenBegin &B : Open)
    S.Unpaired.push_back(unpairedError(File, B.Line, B.Column, true));
  return S;
}

bool FileSuppressions::suppresses(llvm::StringRef Rule, unsigned Line) const {
  std::string Name = "brisk-" + Rule.str();
  for (const Range &R : Ranges) {
    if (Line < R.First || Line > R.Last)
      continue;
    if (R.All)
      return true;
    for (const std::string &Glob : R.Globs) {
      auto Pattern = llvm::GlobPattern::create(Glob);
      if (Pattern && Pattern->match(Name))
        return true;
      if (!Pattern)
        llvm::consumeError(Pattern.takeError());
    }
  }
  return false;
}

std::vector<Finding> applySuppressions(std::vector<Finding> Findings,
                                       SourceFiles &Sources) {
  llvm::StringMap<FileSuppressions> ByFile;
  std::vector<std::string> Order;
  for (const Finding &F : Findings) {
    if (ByFile.count(F.Loc.File))
      continue;
    auto Text = Sources.text(F.Loc.File);
    ByFile[F.Loc.File] =
        FileSuppressions::parse(F.Loc.File, Text ? *Text : llvm::StringRef());
    Order.push_back(F.Loc.File);
  }
  std::vector<Finding> Kept;
  for (Finding &F : Findings)
    if (!ByFile[F.Loc.File].suppresses(F.Rule, F.Loc.Line))
      Kept.push_back(std::move(F));
  for (const std::string &File : Order)
    llvm::append_range(Kept, ByFile[File].unpaired());
  return Kept;
}

} // namespace brisk
