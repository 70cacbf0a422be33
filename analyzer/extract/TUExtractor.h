//===- TUExtractor.h - Summarise one parsed translation unit --------------===//
//
// Walks the functions defined outside system headers and records, per
// function, its calls, catalogue matches and handler registrations with the
// origins of their arguments and whether they sit in a once-guarded region.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_TUEXTRACTOR_H
#define BRISK_ANALYZER_EXTRACT_TUEXTRACTOR_H

#include "catalog/Catalogs.h"
#include "model/Summary.h"

#include "clang/AST/ASTConsumer.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CompilerInstance;
} // namespace clang

namespace brisk {

/// Fills Out.Functions and Out.Handlers from a parsed AST.
void summarizeTranslationUnit(clang::ASTContext &Ctx, const Catalogs &Data,
                              TUSummary &Out);

/// A file a translation unit read (absolute path).
struct FileRead {
  std::string Path;
  bool System = false; // found through a system include directory
};

/// An ASTConsumer that summarises into Out and asks the parser to skip the
/// bodies of functions in system headers, which no rule looks at. When Deps
/// is given it receives every file read, sorted by path.
std::unique_ptr<clang::ASTConsumer>
makeSummaryConsumer(clang::CompilerInstance &CI, const Catalogs &Data,
                    TUSummary &Out, std::vector<FileRead> *Deps = nullptr);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_TUEXTRACTOR_H
