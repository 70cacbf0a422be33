//===- TmpFileLeak.h - Files under /tmp that pile up across invocations ---===//
//
// tmp-file-leak reports the creation of a file or folder under /tmp
// (rules/tmp-file-catalog.json: std::ofstream, fopen for writing, open with
// O_CREAT, mkstemp, std::filesystem copies and directories) in code a
// handler runs per invocation, when its name changes per invocation (built
// from the request, from a clock or random source, or unique by design as
// mkstemp's) and nothing the handler runs removes it (std::remove, unlink,
// std::filesystem::remove*). A fixed path, overwritten each time, is
// silent; so is a removal the model cannot match to a file (a path from a
// parameter or a directory listing): it may be this one.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_RULES_TMPFILELEAK_H
#define BRISK_ANALYZER_RULES_TMPFILELEAK_H

#include "catalog/SiteCatalog.h"
#include "rules/Rule.h"

namespace brisk {

class TmpFileLeak : public Rule {
public:
  explicit TmpFileLeak(const SiteCatalog &Catalog) : Catalog(Catalog) {}

  llvm::StringRef id() const override { return "tmp-file-leak"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  llvm::StringRef summary() const override {
    return "a file created under /tmp per invocation with a new name and "
           "never removed";
  }
  llvm::StringRef description() const override {
    return "A file or folder created under /tmp, with a name that changes "
           "per invocation, in code a handler runs, and not removed on the "
           "handler's paths. /tmp (512 MB by default) persists across warm "
           "invocations: it fills up, and writes start failing.";
  }
  llvm::StringRef docsPath() const override { return "rules/tmp-file-leak.md"; }
  void check(const Analysis &A, FindingSink &Sink) const override;

private:
  /// For a function creating a file at a path built from a parameter: the
  /// start of a path under /tmp a per-invocation caller passes, or "".
  static std::string prefixFromCallers(const Analysis &A, unsigned H, NodeId N,
                                       const StringFacts &Path);

  const SiteCatalog &Catalog;
};

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_TMPFILELEAK_H
