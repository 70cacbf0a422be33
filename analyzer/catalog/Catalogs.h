//===- Catalogs.h - The data extraction matches code against --------------===//
//
// Extraction records what the catalogues describe; a TU's summary therefore
// depends on all of them, and the summary cache keys entries on their
// fingerprint. Any of them may be absent (tests that need only one).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CATALOG_CATALOGS_H
#define BRISK_ANALYZER_CATALOG_CATALOGS_H

#include "catalog/CredentialPatterns.h"
#include "catalog/SiteCatalog.h"
#include "catalog/StateCatalog.h"

#include <string>

namespace brisk {

struct Catalogs {
  const SiteCatalog *Sites = nullptr;
  const StateCatalog *State = nullptr;
  const CredentialPatterns *Credentials = nullptr;

  std::string fingerprint() const {
    return std::string("sites\n") + (Sites ? Sites->fingerprint() : "-") +
           "\nstate\n" + (State ? State->fingerprint() : "-") +
           "\ncredentials\n" + (Credentials ? Credentials->fingerprint() : "-");
  }
};

} // namespace brisk

#endif // BRISK_ANALYZER_CATALOG_CATALOGS_H
