//===- TextEmitter.cpp - Clang-style diagnostics --------------------------===//

#include "report/TextEmitter.h"

#include <algorithm>
#include <string>

namespace brisk {

namespace {

constexpr unsigned TabStop = 8;

unsigned digits(unsigned N) {
  unsigned D = 1;
  for (; N >= 10; N /= 10)
    ++D;
  return D;
}

/// The source line with tabs expanded, as clang shows it, and the display
/// column of byte column Column (1-based).
std::pair<std::string, unsigned> expandTabs(llvm::StringRef Line,
                                            unsigned Column) {
  std::string Out;
  unsigned CaretAt = 0;
  for (unsigned I = 0; I < Line.size(); ++I) {
    if (I + 1 == Column)
      CaretAt = Out.size();
    if (Line[I] == '\t')
      Out.append(TabStop - Out.size() % TabStop, ' ');
    else
      Out.push_back(Line[I]);
  }
  if (Column > Line.size())
    CaretAt = Out.size() + (Column - 1 - Line.size());
  return {Out, CaretAt};
}

void emitSnippet(const SourceLoc &Loc, SourceFiles &Sources,
                 llvm::raw_ostream &OS) {
  auto Line = Sources.line(Loc.File, Loc.Line);
  if (!Line)
    return;
  // Clang pads line numbers to at least four digits and one space.
  unsigned Width = std::max(4u, digits(Loc.Line));
  auto [Shown, Caret] = expandTabs(*Line, Loc.Column);
  OS.indent(Width - digits(Loc.Line) + 1) << Loc.Line << " | " << Shown << "\n";
  OS.indent(Width + 2) << "| ";
  OS.indent(Caret) << "^\n";
}

void emitLocation(const SourceLoc &Loc, llvm::raw_ostream &OS) {
  OS << Loc.File << ":" << Loc.Line << ":" << Loc.Column << ": ";
}

/// clang's -fdiagnostics-parseable-fixits form.
void emitFixIt(const FixIt &Fix, llvm::raw_ostream &OS) {
  OS << "fix-it:\"";
  OS.write_escaped(Fix.Loc.File);
  OS << "\":{" << Fix.Loc.Line << ":" << Fix.Loc.Column << "-" << Fix.Loc.Line
     << ":" << Fix.Loc.Column + Fix.Length << "}:\"";
  OS.write_escaped(Fix.Replacement);
  OS << "\"\n";
}

} // namespace

void emitText(llvm::ArrayRef<Finding> Findings, SourceFiles &Sources,
              llvm::raw_ostream &OS) {
  for (const Finding &F : Findings) {
    emitLocation(F.Loc, OS);
    OS << severityName(F.Level) << ": " << F.Message << " [brisk-" << F.Rule
       << "]\n";
    emitSnippet(F.Loc, Sources, OS);
    for (const FixIt &Fix : F.Fixes)
      emitFixIt(Fix, OS);
    for (const TraceStep &Step : F.Trace) {
      emitLocation(Step.Loc, OS);
      if (Step.Message.empty())
        OS << "note: '" << Step.Function << "' calls '" << Step.Callee
           << "' here\n";
      else
        OS << "note: " << Step.Message << "\n";
      emitSnippet(Step.Loc, Sources, OS);
    }
    for (const FindingNote &Note : F.Notes) {
      emitLocation(Note.Loc, OS);
      OS << "note: " << Note.Message << "\n";
      emitSnippet(Note.Loc, Sources, OS);
    }
  }
}

} // namespace brisk
