//===- CheckConfigTarget.cpp - Fuzz brisk-check's config reader -----------===//
//
// As brisk-check reads a .brisk.json or --config-file: the document, then
// its catalogue sections merged over the shipped catalogues, where entries
// may override ours by id.

#include "FuzzTargets.h"

#include "catalog/CredentialPatterns.h"
#include "catalog/SiteCatalog.h"
#include "catalog/StateCatalog.h"
#include "rules/CheckConfig.h"

#include <cstdlib>
#include <string>

namespace brisk::fuzz {

namespace {

template <typename T> T orAbort(llvm::Expected<T> Value) {
  if (!Value)
    std::abort(); // the shipped data does not load: not a fuzz finding
  return std::move(*Value);
}

std::string shipped(const char *Name) {
  return std::string(BRISK_FUZZ_RULES_DIR "/") + Name;
}

} // namespace

void runCheckConfig(llvm::StringRef Input) {
  static const SiteCatalog Sites = orAbort(loadSiteCatalog(
      {shipped("init-catalog.json"), shipped("process-catalog.json"),
       shipped("tmp-file-catalog.json")}));
  static const StateCatalog State =
      orAbort(loadStateCatalog({shipped("state-catalog.json")}));
  static const CredentialPatterns Credentials =
      orAbort(loadCredentialPatterns({shipped("credential-patterns.json")}));

  auto Config = parseCheckConfig(Input, ".brisk.json");
  if (!Config) {
    llvm::consumeError(Config.takeError());
    return;
  }
  if (!Config->CatalogDocument.empty()) {
    SiteCatalog Merged = Sites;
    llvm::consumeError(
        mergeSiteCatalog(Merged, Config->CatalogDocument, ".brisk.json"));
  }
  if (!Config->StateDocument.empty()) {
    StateCatalog Merged = State;
    llvm::consumeError(
        mergeStateCatalog(Merged, Config->StateDocument, ".brisk.json"));
  }
  if (!Config->CredentialDocument.empty()) {
    CredentialPatterns Merged = Credentials;
    llvm::consumeError(mergeCredentialPatterns(
        Merged, Config->CredentialDocument, ".brisk.json"));
  }
}

} // namespace brisk::fuzz
