//===- Extractor.cpp - Run clang over each TU and summarise it ------------===//

#include "extract/Extractor.h"

#include "clang/Tooling/CompilationDatabase.h"

namespace brisk {

llvm::Expected<ExtractResult>
extractSummaries(const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const ExtractOptions &Options) {
  (void)DB;
  (void)Options;
  ExtractResult Result;
  for (const std::string &File : Files) {
    TUSummary S;
    S.MainFile = File;
    Result.Summaries.push_back(std::move(S));
  }
  return Result;
}

} // namespace brisk
