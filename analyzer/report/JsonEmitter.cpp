//===- JsonEmitter.cpp - The versioned JSON report ------------------------===//

#include "report/JsonEmitter.h"

#include <nlohmann/json.hpp>

namespace brisk {

using ordered_json = nlohmann::ordered_json;

void emitJson(llvm::ArrayRef<Finding> Findings, const RunStats &Stats,
              llvm::raw_ostream &OS) {
  ordered_json Doc;
  Doc["version"] = 1;
  Doc["tool"] = {{"name", "brisk-check"}, {"version", BRISK_VERSION}};
  ordered_json List = ordered_json::array();
  for (const Finding &F : Findings) {
    ordered_json J;
    J["rule"] = F.Rule;
    J["severity"] = severityName(F.Level).str();
    J["category"] = F.Category;
    J["file"] = F.Loc.File;
    J["line"] = F.Loc.Line;
    J["column"] = F.Loc.Column;
    J["message"] = F.Message;
    J["handler"] = F.Handler;
    ordered_json Trace = ordered_json::array();
    for (const TraceStep &S : F.Trace) {
      ordered_json Step = {{"function", S.Function},
                           {"file", S.Loc.File},
                           {"line", S.Loc.Line},
                           {"column", S.Loc.Column}};
      if (!S.Message.empty())
        Step["message"] = S.Message;
      Trace.push_back(std::move(Step));
    }
    J["trace"] = std::move(Trace);
    // Optional keys, present only when they say something.
    if (!F.Notes.empty()) {
      ordered_json Notes = ordered_json::array();
      for (const FindingNote &N : F.Notes)
        Notes.push_back({{"message", N.Message},
                         {"file", N.Loc.File},
                         {"line", N.Loc.Line},
                         {"column", N.Loc.Column}});
      J["notes"] = std::move(Notes);
    }
    if (!F.Fixes.empty()) {
      ordered_json Fixes = ordered_json::array();
      for (const FixIt &X : F.Fixes)
        Fixes.push_back({{"file", X.Loc.File},
                         {"line", X.Loc.Line},
                         {"column", X.Loc.Column},
                         {"length", X.Length},
                         {"replacement", X.Replacement}});
      J["fixes"] = std::move(Fixes);
    }
    List.push_back(std::move(J));
  }
  Doc["findings"] = std::move(List);
  Doc["stats"] = {{"translation_units", Stats.TranslationUnits},
                  {"parse_errors", Stats.ParseErrors},
                  {"handlers", Stats.Handlers},
                  {"cache_hits", Stats.CacheHits},
                  {"untraced_calls", Stats.UntracedCalls}};
  // Replace invalid UTF-8 (a message quoting odd source) instead of failing.
  OS << Doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

} // namespace brisk
