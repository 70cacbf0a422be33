//===- Finding.h - One diagnostic, independent of the output format -------===//

#ifndef BRISK_ANALYZER_REPORT_FINDING_H
#define BRISK_ANALYZER_REPORT_FINDING_H

#include "model/Summary.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

enum class Severity { Note, Warning, Error };

llvm::StringRef severityName(Severity S);
std::optional<Severity> parseSeverity(llvm::StringRef Name);

/// A call on the path from the handler to the finding: Function calls Callee
/// at Loc.
struct TraceStep {
  std::string Function;
  std::string Callee;
  SourceLoc Loc;
};

struct Finding {
  std::string Rule; // bare id: init-in-handler
  Severity Level = Severity::Warning;
  std::string Category;
  SourceLoc Loc;
  std::string Message;
  std::string Handler; // display name; empty when not reached code
  std::vector<TraceStep> Trace;
};

/// Sorts by file, line, column, rule, then message: the order every output
/// format uses, whatever order TUs and handlers were processed in.
void sortFindings(std::vector<Finding> &Findings);

/// Where rules put what they find.
class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(Finding F) = 0;
};

/// Collects findings, keeping one per source site and rule: the one with the
/// shortest trace, the first reported among equals.
class FindingCollector : public FindingSink {
public:
  void report(Finding F) override;
  std::vector<Finding> take() {
    Sites.clear();
    return std::move(Findings);
  }

private:
  std::vector<Finding> Findings;
  /// (rule, location) -> index in Findings.
  std::map<std::pair<std::string, SourceLoc>, size_t> Sites;
};

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_FINDING_H
