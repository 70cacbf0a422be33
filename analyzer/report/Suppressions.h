//===- Suppressions.h - NOLINT comments, as clang-tidy reads them ---------===//
//
// `NOLINT`, `NOLINTNEXTLINE` and `NOLINTBEGIN`/`NOLINTEND`, each optionally
// followed by a parenthesised, comma-separated list of rule names or globs
// (brisk-init-in-handler, brisk-*). Without a list they suppress everything.
// A BEGIN pairs with the next END carrying the same list; one left unpaired
// suppresses nothing and is itself reported as a brisk-nolint error.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_SUPPRESSIONS_H
#define BRISK_ANALYZER_REPORT_SUPPRESSIONS_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace brisk {

class FileSuppressions {
public:
  /// Reads the NOLINT comments of File, whose contents are Text.
  static FileSuppressions parse(llvm::StringRef File, llvm::StringRef Text);

  /// Whether a finding of Rule (bare id) on Line is suppressed.
  bool suppresses(llvm::StringRef Rule, unsigned Line) const;
  /// brisk-nolint errors for unpaired NOLINTBEGIN/NOLINTEND comments.
  const std::vector<Finding> &unpaired() const { return Unpaired; }

private:
  struct Range {
    unsigned First = 0, Last = 0;
    bool All = true;
    std::vector<std::string> Globs;
  };
  std::vector<Range> Ranges;
  std::vector<Finding> Unpaired;
};

/// Drops suppressed findings and adds the brisk-nolint errors of every file
/// that had a finding.
std::vector<Finding> applySuppressions(std::vector<Finding> Findings,
                                       SourceFiles &Sources);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_SUPPRESSIONS_H
