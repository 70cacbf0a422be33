//===- SarifEmitter.cpp - SARIF 2.1.0 for code-scanning services ----------===//

#include "report/SarifEmitter.h"

#include "report/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace brisk {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr const char *SourceRootId = "%SRCROOT%";

std::string sarifLevel(Severity S) {
  return S == Severity::Note ? "note" : severityName(S).str();
}

/// Percent-encodes what a URI path may not hold as is.
std::string encodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || llvm::StringRef("/-._~").contains(C))
      Out.push_back(C);
    else {
      Out.push_back('%');
      Out += llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
    }
  }
  return Out;
}

std::string withSlash(llvm::StringRef Dir) {
  return Dir.ends_with("/") ? Dir.str() : Dir.str() + "/";
}

ordered_json physicalLocation(const SourceLoc &Loc, llvm::StringRef Root) {
  ordered_json Artifact;
  std::string RootDir = withSlash(Root);
  if (!Root.empty() && llvm::StringRef(Loc.File).starts_with(RootDir)) {
    Artifact["uri"] = encodePath(Loc.File.substr(RootDir.size()));
    Artifact["uriBaseId"] = SourceRootId;
  } else {
    Artifact["uri"] = "file://" + encodePath(Loc.File);
  }
  return {{"artifactLocation", Artifact},
          {"region", {{"startLine", Loc.Line}, {"startColumn", Loc.Column}}}};
}

} // namespace

void emitSarif(llvm::ArrayRef<Finding> Findings,
               llvm::ArrayRef<RuleDescription> Rules,
               llvm::StringRef SourceRoot, llvm::StringRef DocsUrl,
               SourceFiles &Sources, llvm::raw_ostream &OS) {
  ordered_json RuleList = ordered_json::array();
  llvm::StringMap<unsigned> RuleIndex;
  for (const RuleDescription &R : Rules) {
    RuleIndex[R.Id] = RuleList.size();
    ordered_json Rule = {{"id", R.Id},
                         {"name", R.Id},
                         {"shortDescription", {{"text", R.Summary}}},
                         {"fullDescription", {{"text", R.Description}}}};
    if (R.HelpMarkdown.empty())
      Rule["help"] = {{"text", R.Description}};
    else
      Rule["help"] = {{"text", R.HelpText}, {"markdown", R.HelpMarkdown}};
    // A docs path inside brisk's own repository means nothing to code
    // scanning: only a base URL the user gives makes a link.
    if (!DocsUrl.empty())
      Rule["helpUri"] =
          (DocsUrl.ends_with("/") ? DocsUrl.str() : DocsUrl.str() + "/") +
          R.DocsPath;
    Rule["defaultConfiguration"] = {{"level", sarifLevel(R.Level)}};
    RuleList.push_back(std::move(Rule));
  }

  ordered_json Results = ordered_json::array();
  llvm::StringMap<unsigned> Occurrences;
  for (const Finding &F : Findings) {
    ordered_json Result;
    Result["ruleId"] = F.Rule;
    if (auto It = RuleIndex.find(F.Rule); It != RuleIndex.end())
      Result["ruleIndex"] = It->second;
    Result["level"] = sarifLevel(F.Level);
    Result["message"] = {{"text", F.Message}};
    Result["locations"] = ordered_json::array(
        {{{"physicalLocation", physicalLocation(F.Loc, SourceRoot)}}});
    std::string Hash = lineHash(F, Sources);
    Result["partialFingerprints"] = {
        {"primaryLocationLineHash",
         Hash + ":" + std::to_string(++Occurrences[Hash])}};
    if (!F.Trace.empty()) {
      ordered_json Steps = ordered_json::array();
      for (const TraceStep &S : F.Trace)
        Steps.push_back(
            {{"location",
              {{"physicalLocation", physicalLocation(S.Loc, SourceRoot)},
               {"message",
                {{"text", S.Message.empty()
                              ? "'" + S.Function + "' calls '" + S.Callee + "'"
                              : S.Message}}}}}});
      Steps.push_back(
          {{"location",
            {{"physicalLocation", physicalLocation(F.Loc, SourceRoot)},
             {"message", {{"text", F.Message}}}}}});
      Result["codeFlows"] = ordered_json::array(
          {{{"threadFlows", ordered_json::array({{{"locations", Steps}}})}}});
    }
    if (!F.Notes.empty()) {
      ordered_json Related = ordered_json::array();
      for (const FindingNote &N : F.Notes)
        Related.push_back(
            {{"id", Related.size()},
             {"physicalLocation", physicalLocation(N.Loc, SourceRoot)},
             {"message", {{"text", N.Message}}}});
      Result["relatedLocations"] = std::move(Related);
    }
    if (!F.Fixes.empty()) {
      ordered_json Changes = ordered_json::array();
      for (const FixIt &X : F.Fixes)
        Changes.push_back(
            {{"artifactLocation",
              physicalLocation(X.Loc, SourceRoot)["artifactLocation"]},
             {"replacements",
              ordered_json::array(
                  {{{"deletedRegion",
                     {{"startLine", X.Loc.Line},
                      {"startColumn", X.Loc.Column},
                      {"endColumn", X.Loc.Column + X.Length}}},
                    {"insertedContent", {{"text", X.Replacement}}}}})}});
      Result["fixes"] = ordered_json::array(
          {{{"description", {{"text", "apply brisk-check's fix"}}},
            {"artifactChanges", std::move(Changes)}}});
    }
    Results.push_back(std::move(Result));
  }

  ordered_json Run;
  Run["tool"] = {{"driver",
                  {{"name", "brisk-check"},
                   {"version", BRISK_VERSION},
                   {"rules", std::move(RuleList)}}}};
  if (!SourceRoot.empty())
    Run["originalUriBaseIds"] = {
        {SourceRootId,
         {{"uri", "file://" + encodePath(withSlash(SourceRoot))}}}};
  Run["results"] = std::move(Results);

  ordered_json Doc;
  Doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  Doc["version"] = "2.1.0";
  Doc["runs"] = ordered_json::array({std::move(Run)});
  OS << Doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

} // namespace brisk
