//===- PathPattern.h - A glob per path component, matched at the end ------===//
//
// The form of rules/secrets.json's "match" and of the prune profiles'
// patterns: "*.pem" is any file so named, ".aws/credentials" a credentials
// file in an .aws folder (the path's last components), and a trailing '/'
// (".git/", "tests/") a folder of that name anywhere on the way: everything
// in it.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_PATHPATTERN_H
#define BRISK_PACKER_PLAN_PATHPATTERN_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"

#include <memory>
#include <string>
#include <vector>

namespace brisk {

class PathPattern {
public:
  /// Bad globs are errors naming \p Origin. With \p IgnoreCase the pattern
  /// is lower-cased and must be matched against lower-cased components.
  static llvm::Expected<PathPattern>
  create(llvm::StringRef Text, llvm::StringRef Origin, bool IgnoreCase);

  bool isFolderPattern() const { return Folder; }

  /// The number of leading components of the file path \p Components that
  /// name the matched folder, for a folder pattern matching a folder on the
  /// way (never the file itself); 0 when it does not match. \p Eligible says
  /// which component may be the folder's last (default: any).
  size_t matchFolder(llvm::ArrayRef<llvm::StringRef> Components,
                     llvm::function_ref<bool(size_t)> Eligible = nullptr) const;

  /// Whether a file pattern matches the last components of \p Components.
  bool matchFile(llvm::ArrayRef<llvm::StringRef> Components) const;

private:
  bool matchesAt(llvm::ArrayRef<llvm::StringRef> Components,
                 size_t First) const;

  std::vector<llvm::GlobPattern> Parts;
  // A GlobPattern points into its text.
  std::vector<std::shared_ptr<std::string>> Texts;
  bool Folder = false;
};

/// A single glob compiled with its text kept alive.
class OwnedGlob {
public:
  static llvm::Expected<OwnedGlob> create(llvm::StringRef Text);
  bool match(llvm::StringRef S) const { return Glob.match(S); }

private:
  std::shared_ptr<std::string> Text;
  llvm::GlobPattern Glob;
};

} // namespace brisk

#endif
