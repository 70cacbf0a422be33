//===- SarifEmitter.h - SARIF 2.1.0 for code-scanning services ------------===//
//
// The shape GitHub code scanning reads: one run, the rules with their
// descriptions and docs page, and one result per finding with a location
// relative to the source root, a line fingerprint and the call path as a
// code flow.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_SARIFEMITTER_H
#define BRISK_ANALYZER_REPORT_SARIFEMITTER_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace brisk {

/// What SARIF says about a rule; the report layer knows no Rule objects.
struct RuleDescription {
  std::string Id; // bare
  Severity Level = Severity::Warning;
  std::string Summary;
  std::string Description;
  std::string DocsPath;     // relative to docs/, e.g. rules/init-in-handler.md
  std::string HelpMarkdown; // the docs page; empty: help is the description
  std::string HelpText;     // the page as plain text
};

/// Writes Findings as SARIF. Locations under SourceRoot (absolute) are
/// written relative to it through the %SRCROOT% base; others as file: URIs.
/// Rules link to DocsUrl + DocsPath (helpUri) only when DocsUrl is given.
void emitSarif(llvm::ArrayRef<Finding> Findings,
               llvm::ArrayRef<RuleDescription> Rules,
               llvm::StringRef SourceRoot, llvm::StringRef DocsUrl,
               SourceFiles &Sources, llvm::raw_ostream &OS);

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_SARIFEMITTER_H
