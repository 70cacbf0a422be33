//===- RuleDocs.h - The rules' docs pages, built into the tool ------------===//
//
// docs/rules/<id>.md, embedded at build time: SARIF's help carries a rule's
// page so that code scanning shows it beside the alert, wherever the tool is
// installed.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_RULEDOCS_H
#define BRISK_ANALYZER_REPORT_RULEDOCS_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace brisk {

/// The Markdown of DocsPath (relative to docs/, "rules/init-in-handler.md").
std::optional<llvm::StringRef> ruleDocsPage(llvm::StringRef DocsPath);

/// Markdown as plain text for readers that do not render it: no code fences,
/// heading marks, emphasis or backticks; links keep their target.
std::string markdownToText(llvm::StringRef Markdown);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_RULEDOCS_H
