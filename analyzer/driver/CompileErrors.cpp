//===- CompileErrors.cpp - What a run says about TUs that did not compile -===//

#include "driver/CompileErrors.h"

#include "llvm/ADT/StringRef.h"

namespace brisk {

namespace {

/// The message of the first error in clang's output ("file:l:c: fatal
/// error: MESSAGE").
llvm::StringRef firstError(llvm::StringRef Diags) {
  while (!Diags.empty()) {
    auto [Line, Rest] = Diags.split('\n');
    for (llvm::StringRef Marker : {": fatal error: ", ": error: "})
      if (size_t At = Line.find(Marker); At != llvm::StringRef::npos)
        return Line.substr(At + Marker.size());
    Diags = Rest;
  }
  return "";
}

const char *units(size_t N) {
  return N == 1 ? " translation unit" : " translation units";
}

} // namespace

unsigned reportCompileErrors(const ExtractResult &Extracted,
                             const FileSelection &Selection, bool Quiet,
                             llvm::raw_ostream &Err) {
  unsigned Shown = 0, Hidden = 0;
  for (size_t I = 0; I < Extracted.Summaries.size(); ++I) {
    if (!Extracted.Summaries[I].HadErrors)
      continue;
    if (Selection.ReportedTUs[I]) {
      ++Shown;
      Err << Extracted.Diagnostics[I];
    } else {
      ++Hidden;
    }
  }
  if (Quiet)
    return Shown;
  size_t Total = Extracted.Summaries.size();
  if (Selection.All && Shown)
    Err << "brisk-check: " << Shown << " of " << Total << " translation units"
        << " had compile errors; findings may be incomplete\n";
  else if (Shown)
    Err << "brisk-check: " << Shown << units(Shown)
        << " of the named files had compile errors; findings may be "
           "incomplete\n";
  if (Hidden)
    Err << "brisk-check: " << Hidden << " other" << units(Hidden)
        << " of the program had compile errors (not shown: they include "
           "none of the named files)\n";
  return Shown;
}

std::string explainNoHandler(const ExtractResult &Extracted) {
  size_t Total = Extracted.Summaries.size();
  std::string Out = "brisk-check: no handler found in " +
                    std::to_string(Total) + units(Total);
  if (unsigned Broken = Extracted.ParseErrors) {
    Out += "; " + std::to_string(Broken) + " had compile errors";
    for (size_t I = 0; I < Total; ++I)
      if (Extracted.Summaries[I].HadErrors) {
        llvm::StringRef Message = firstError(Extracted.Diagnostics[I]);
        if (!Message.empty()) {
          Out += ", e.g. " + Message.str();
          break;
        }
      }
    return Out + "\n";
  }
  return Out + ": no per-invocation code was checked (name the handler with "
               "--handler or the config's \"handlers\")\n";
}

} // namespace brisk
