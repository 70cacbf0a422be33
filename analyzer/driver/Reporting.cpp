//===- Reporting.cpp - A run's report and fix-its, as its options ask -----===//

#include "driver/Reporting.h"

#include "driver/DatabaseLoading.h"
#include "report/Fixes.h"
#include "report/RuleDocs.h"
#include "report/TextEmitter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace brisk {

using namespace llvm;

std::string sourceRoot() {
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return "";
  for (StringRef Dir = Cwd; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      return Dir.str();
  }
  return std::string(Cwd);
}

std::vector<RuleDescription>
describeRules(ArrayRef<const Rule *> Rules,
              const std::map<std::string, Severity> &Severities) {
  std::vector<RuleDescription> Out;
  for (const Rule *R : Rules) {
    auto It = Severities.find(R->id().str());
    RuleDescription D;
    D.Id = R->id().str();
    D.Level = It == Severities.end() ? R->defaultSeverity() : It->second;
    D.Summary = R->summary().str();
    D.Description = R->description().str();
    D.DocsPath = R->docsPath().str();
    if (std::optional<StringRef> Page = ruleDocsPage(R->docsPath())) {
      D.HelpMarkdown = Page->str();
      D.HelpText = markdownToText(*Page);
    }
    Out.push_back(std::move(D));
  }
  Out.push_back({"nolint", Severity::Error,
                 "unpaired NOLINTBEGIN or NOLINTEND comment",
                 "A NOLINTBEGIN comment without a matching NOLINTEND after it, "
                 "or a NOLINTEND without a NOLINTBEGIN before it, suppresses "
                 "nothing.",
                 "brisk-check.md", "", ""});
  return Out;
}

Error writeReport(const CheckOptions &O, ArrayRef<Finding> Findings,
                  const RunStats &Stats, ArrayRef<RuleDescription> Rules,
                  StringRef DocsUrl, SourceFiles &Sources, raw_ostream &Out) {
  auto Emit = [&](raw_ostream &OS) {
    if (O.Format == "json")
      emitJson(Findings, Stats, OS);
    else if (O.Format == "sarif")
      emitSarif(Findings, Rules, sourceRoot(), DocsUrl, Sources, OS);
    else
      emitText(Findings, Sources, OS);
    return Error::success();
  };
  if (O.OutputPath.empty()) {
    cantFail(Emit(Out));
    Out.flush();
    return Error::success();
  }
  if (auto E = writeToOutput(O.OutputPath, Emit))
    return createStringError(inconvertibleErrorCode(),
                             "cannot write '" + O.OutputPath +
                                 "': " + toString(std::move(E)));
  return Error::success();
}

Error writeFixes(const CheckOptions &O, ArrayRef<Finding> Findings,
                 SourceFiles &Sources, raw_ostream &Err) {
  if (!O.ExportFixesPath.empty())
    if (auto E = writeToOutput(O.ExportFixesPath, [&](raw_ostream &OS) {
          return exportFixes(Findings, databaseDir(O.BuildPath), Sources, OS);
        }))
      return createStringError(inconvertibleErrorCode(),
                               "cannot export fixes to '" + O.ExportFixesPath +
                                   "': " + toString(std::move(E)));
  if (O.Fix) {
    auto Changed = applyFixes(Findings, Sources);
    if (!Changed)
      return Changed.takeError();
    if (*Changed)
      Err << "brisk-check: applied fix-its to " << *Changed
          << (*Changed == 1 ? " file\n" : " files\n");
  }
  return Error::success();
}

} // namespace brisk
