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
/// at Loc. Message, when set, says more than that the call happens ("'h'
/// passes 'req.payload' to 'remember'").
struct TraceStep {
  std::string Function;
  std::string Callee;
  SourceLoc Loc;
  std::string Message;
};

/// A note beside the call path: another place the finding involves.
struct FindingNote {
  std::string Message;
  SourceLoc Loc;
};

/// A safe edit: replace Length bytes at Loc (a byte column) with
/// Replacement; Length 0 inserts.
struct FixIt {
  SourceLoc Loc;
  unsigned Length = 0;
  std::string Replacement;

  bool operator==(const FixIt &) const = default;
};

struct Finding {
  std::string Rule; // bare id: init-in-handler
  Severity Level = Severity::Warning;
  std::string Category;
  SourceLoc Loc;
  std::string Message;
  std::string Handler; // display name; empty when not reached code
  std::vector<TraceStep> Trace;
  std::vector<FindingNote> Notes;
  std::vector<FixIt> Fixes;
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

/// Rules that describe one kind of site from different angles share a
/// group: at one location only the group's first rule is reported.
struct RulePrecedence {
  std::string Group; // empty: the rule is alone
  unsigned Rank = 0; // lower wins within the group
};

/// Collects findings, keeping one per source site and rule (the one with the
/// shortest trace, the first reported among equals), and one per site and
/// rule group (the rule of lowest rank).
class FindingCollector : public FindingSink {
public:
  FindingCollector() = default;
  explicit FindingCollector(std::map<std::string, RulePrecedence> Precedence)
      : Precedence(std::move(Precedence)) {}

  void report(Finding F) override;
  std::vector<Finding> take() {
    Sites.clear();
    return std::move(Findings);
  }

private:
  RulePrecedence precedenceOf(const std::string &Rule) const;

  std::map<std::string, RulePrecedence> Precedence;
  std::vector<Finding> Findings;
  /// (rule or group, location) -> index in Findings.
  std::map<std::pair<std::string, SourceLoc>, size_t> Sites;
};

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_FINDING_H
