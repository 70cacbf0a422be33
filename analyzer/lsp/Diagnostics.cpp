//===- Diagnostics.cpp - Findings as LSP diagnostics and code actions -----===//

#include "lsp/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"

#include <map>

using nlohmann::json;

namespace brisk::lsp {

namespace {

bool isUnreservedInUri(char C) {
  return llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
         C == '/';
}

/// UTF-16 code units in the UTF-8 text Prefix: one per character, two for
/// characters beyond the basic plane (4-byte sequences).
unsigned utf16Length(llvm::StringRef Prefix) {
  unsigned N = 0;
  for (unsigned char C : Prefix) {
    if ((C & 0xC0) == 0x80)
      continue; // continuation byte
    N += (C & 0xF8) == 0xF0 ? 2 : 1;
  }
  return N;
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

json severity(Severity S) {
  switch (S) {
  case Severity::Error:
    return 1;
  case Severity::Warning:
    return 2;
  case Severity::Note:
    return 3; // Information
  }
  return 2;
}

} // namespace

std::string pathToUri(llvm::StringRef Path) {
  std::string Out = "file://";
  for (char C : Path) {
    if (isUnreservedInUri(C)) {
      Out.push_back(C);
      continue;
    }
    Out.push_back('%');
    Out.push_back(llvm::hexdigit((unsigned char)C >> 4, /*LowerCase=*/false));
    Out.push_back(llvm::hexdigit((unsigned char)C & 15, /*LowerCase=*/false));
  }
  return Out;
}

std::optional<std::string> uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  // file://host/path: only the local host is ours.
  if (!Uri.starts_with("/") && !Uri.consume_front("localhost"))
    return std::nullopt;
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] != '%') {
      Out.push_back(Uri[I]);
      continue;
    }
    unsigned Value;
    if (I + 2 >= Uri.size() || Uri.substr(I + 1, 2).getAsInteger(16, Value))
      return std::nullopt;
    Out.push_back(char(Value));
    I += 2;
  }
  if (Out.empty() || Out[0] != '/')
    return std::nullopt;
  return Out;
}

json DiagnosticBuilder::position(llvm::StringRef File, unsigned Line,
                                 unsigned Column) {
  unsigned Character = Column > 0 ? Column - 1 : 0;
  if (Encoding == PositionEncoding::UTF16)
    if (std::optional<llvm::StringRef> Text = Sources.line(File, Line))
      Character = utf16Length(Text->take_front(Character)) +
                  (Character > Text->size() ? Character - Text->size() : 0);
  return {{"line", Line > 0 ? Line - 1 : 0}, {"character", Character}};
}

json DiagnosticBuilder::location(const SourceLoc &Loc) {
  json Pos = position(Loc.File, Loc.Line, Loc.Column);
  return {{"uri", pathToUri(Loc.File)},
          {"range", {{"start", Pos}, {"end", Pos}}}};
}

json DiagnosticBuilder::diagnostic(const Finding &F) {
  // The range spans the identifier the finding points at, as clangd's do, so
  // that editors underline a word rather than a point.
  unsigned End = F.Loc.Column + 1;
  if (std::optional<llvm::StringRef> Text =
          Sources.line(F.Loc.File, F.Loc.Line)) {
    unsigned I = F.Loc.Column > 0 ? F.Loc.Column - 1 : 0;
    unsigned J = I;
    while (J < Text->size() && isIdentifierChar((*Text)[J]))
      ++J;
    End = (J > I ? J : std::min<unsigned>(I + 1, Text->size())) + 1;
  }
  json Related = json::array();
  for (const TraceStep &Step : F.Trace)
    Related.push_back(
        {{"location", location(Step.Loc)},
         {"message", Step.Message.empty() ? "'" + Step.Function + "' calls '" +
                                                Step.Callee + "' here"
                                          : Step.Message}});
  for (const FindingNote &Note : F.Notes)
    Related.push_back(
        {{"location", location(Note.Loc)}, {"message", Note.Message}});
  json D = {{"range",
             {{"start", position(F.Loc.File, F.Loc.Line, F.Loc.Column)},
              {"end", position(F.Loc.File, F.Loc.Line, End)}}},
            {"severity", severity(F.Level)},
            {"code", "brisk-" + F.Rule},
            {"source", "brisk-check"},
            {"message", F.Message}};
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

std::optional<json> DiagnosticBuilder::codeAction(const Finding &F,
                                                  const json &Diagnostic) {
  if (F.Fixes.empty())
    return std::nullopt;
  std::map<std::string, json> Edits; // by URI, in a stable order
  for (const FixIt &Fix : F.Fixes) {
    json &List = Edits[pathToUri(Fix.Loc.File)];
    if (List.is_null())
      List = json::array();
    List.push_back(
        {{"range",
          {{"start", position(Fix.Loc.File, Fix.Loc.Line, Fix.Loc.Column)},
           {"end", position(Fix.Loc.File, Fix.Loc.Line,
                            Fix.Loc.Column + Fix.Length)}}},
         {"newText", Fix.Replacement}});
  }
  json Changes = json::object();
  for (auto &[Uri, List] : Edits)
    Changes[Uri] = std::move(List);
  return json{{"title", "Apply brisk-check's fix-it for brisk-" + F.Rule},
              {"kind", "quickfix"},
              {"isPreferred", true},
              {"diagnostics", json::array({Diagnostic})},
              {"edit", {{"changes", std::move(Changes)}}}};
}

} // namespace brisk::lsp
