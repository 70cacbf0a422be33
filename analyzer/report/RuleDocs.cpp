//===- RuleDocs.cpp - The rules' docs pages, built into the tool ----------===//

#include "report/RuleDocs.h"

#include <utility>

namespace brisk {

namespace {

const std::pair<const char *, const char *> Pages[] = {
#include "RuleDocs.inc"
};

/// "[text](target)" -> "text (target)"; everything else as is.
std::string unlink(llvm::StringRef Line) {
  std::string Out;
  while (!Line.empty()) {
    size_t Open = Line.find('[');
    size_t Mid = Open == llvm::StringRef::npos ? Open : Line.find("](", Open);
    size_t Close = Mid == llvm::StringRef::npos ? Mid : Line.find(')', Mid);
    if (Close == llvm::StringRef::npos) {
      Out += Line;
      break;
    }
    Out += Line.take_front(Open);
    Out += Line.slice(Open + 1, Mid);
    Out += " (";
    Out += Line.slice(Mid + 2, Close);
    Out += ")";
    Line = Line.drop_front(Close + 1);
  }
  return Out;
}

} // namespace

std::optional<llvm::StringRef> ruleDocsPage(llvm::StringRef DocsPath) {
  for (const auto &[Path, Text] : Pages)
    if (DocsPath == Path)
      return llvm::StringRef(Text);
  return std::nullopt;
}

std::string markdownToText(llvm::StringRef Markdown) {
  std::string Out;
  while (!Markdown.empty()) {
    auto [Line, Rest] = Markdown.split('\n');
    Markdown = Rest;
    if (Line.trim().starts_with("```"))
      continue;
    if (Line.starts_with("#"))
      Line = Line.ltrim('#').ltrim(' ');
    for (char C : unlink(Line))
      if (C != '`' && C != '*')
        Out.push_back(C);
    Out.push_back('\n');
  }
  return Out;
}

} // namespace brisk
