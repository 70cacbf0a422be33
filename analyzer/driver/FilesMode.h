//===- FilesMode.h - The FILEs a run reports on, as pre-commit names them -===//
//
// pre-commit passes the files a commit touches: sources and headers alike.
// The whole program is still analysed; a named file selects the findings
// located in it and the translation units whose compile errors matter: the
// TU itself, or for a header every TU that read it (the dependency facts
// extraction records for the cache).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_DRIVER_FILESMODE_H
#define BRISK_ANALYZER_DRIVER_FILESMODE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace brisk {

/// One spelling per file: the real path when the file exists (a symlinked
/// checkout, "dir/../"), else the absolute path without dots.
class CanonicalPaths {
public:
  const std::string &get(llvm::StringRef Path);

private:
  llvm::StringMap<std::string> Known;
};

struct FileSelection {
  /// No FILE was named: every finding and every TU is reported.
  bool All = true;
  /// Canonical paths of the named files some TU is or includes.
  llvm::StringSet<> Files;
  /// Per TU: its compile errors are reported (it is or includes a named
  /// file).
  std::vector<bool> ReportedTUs;
  /// Named files that no TU is or includes, as named.
  std::vector<std::string> Skipped;

  bool reports(llvm::StringRef CanonicalFile) const {
    return All || Files.contains(CanonicalFile);
  }
};

/// Matches Named (as given, relative to the current folder) against TUs
/// (absolute main files) and what each read (UserFilesRead, parallel to
/// TUs).
FileSelection
selectFiles(llvm::ArrayRef<std::string> Named, llvm::ArrayRef<std::string> TUs,
            llvm::ArrayRef<std::vector<std::string>> UserFilesRead,
            CanonicalPaths &Paths);

} // namespace brisk

#endif // BRISK_ANALYZER_DRIVER_FILESMODE_H
