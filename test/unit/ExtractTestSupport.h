//===- ExtractTestSupport.h - Run extraction on code in a test ------------===//

#ifndef BRISK_TEST_UNIT_EXTRACTTESTSUPPORT_H
#define BRISK_TEST_UNIT_EXTRACTTESTSUPPORT_H

#include "catalog/SiteCatalog.h"
#include "extract/Extractor.h"
#include "model/Summary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace brisk::test {

inline const SiteCatalog &ourCatalog() {
  static const SiteCatalog Catalog = [] {
    std::string Dir = BRISK_TEST_RULES_DIR;
    auto C = loadSiteCatalog({Dir + "/init-catalog.json",
                              Dir + "/process-catalog.json",
                              Dir + "/tmp-file-catalog.json"});
    if (!C) {
      ADD_FAILURE() << llvm::toString(C.takeError());
      return SiteCatalog();
    }
    return std::move(*C);
  }();
  return Catalog;
}

inline const StateCatalog &ourStateCatalog() {
  static const StateCatalog Catalog = [] {
    auto C = loadStateCatalog(
        {std::string(BRISK_TEST_RULES_DIR) + "/state-catalog.json"});
    if (!C) {
      ADD_FAILURE() << llvm::toString(C.takeError());
      return StateCatalog();
    }
    return std::move(*C);
  }();
  return Catalog;
}

inline const CredentialPatterns &ourCredentialPatterns() {
  static const CredentialPatterns Patterns = [] {
    auto P = loadCredentialPatterns(
        {std::string(BRISK_TEST_RULES_DIR) + "/credential-patterns.json"});
    if (!P) {
      ADD_FAILURE() << llvm::toString(P.takeError());
      return CredentialPatterns();
    }
    return std::move(*P);
  }();
  return Patterns;
}

/// Summarises Code as /virtual/handler.cpp with the analyzer tests' stub
/// headers on the include path, matching sites against Catalog and writes
/// against our state catalogue.
inline TUSummary summarize(const std::string &Code,
                           std::string *Diags = nullptr,
                           const SiteCatalog &Catalog = ourCatalog()) {
  ExtractOptions Options;
  Options.Data.Sites = &Catalog;
  Options.Data.State = &ourStateCatalog();
  Options.Data.Credentials = &ourCredentialPatterns();
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  Options.DiagOut = &OS;
  TUSummary S = extractSummaryFromCode(
      Code, "/virtual/handler.cpp",
      {"-std=c++17", "-I" + std::string(BRISK_TEST_RULES_DIR) +
                         "/../test/analyzer/Inputs/include"},
      Options);
  if (Diags)
    *Diags = Out;
  else
    EXPECT_EQ(Out, "") << "unexpected compile errors";
  return S;
}

inline const FunctionSummary *function(const TUSummary &S,
                                       const std::string &Name) {
  for (const FunctionSummary &F : S.Functions)
    if (F.QualifiedName == Name)
      return &F;
  return nullptr;
}

inline std::vector<const CallSite *> callsTo(const FunctionSummary &F,
                                             const std::string &Callee) {
  std::vector<const CallSite *> Out;
  for (const CallSite &C : F.Calls)
    if (C.CalleeName == Callee)
      Out.push_back(&C);
  return Out;
}

inline std::vector<const CatalogMatch *> matches(const FunctionSummary &F,
                                                 const std::string &Entry) {
  std::vector<const CatalogMatch *> Out;
  for (const CatalogMatch &M : F.Matches)
    if (M.EntryId == Entry)
      Out.push_back(&M);
  return Out;
}

} // namespace brisk::test

#endif // BRISK_TEST_UNIT_EXTRACTTESTSUPPORT_H
