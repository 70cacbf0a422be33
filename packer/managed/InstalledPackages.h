//===- InstalledPackages.h - The installed packages of a managed tree -----===//
//
// The unit brisk-pack shares between Python and Node.js functions is the
// installed package, never a single file (docs/managed-runtimes.md):
//  - Python: a distribution's *.dist-info or *.egg-info folder and every
//    file its RECORD, installed-files.txt or top_level.txt names, with the
//    whole top-level folders those files are in (bytecode compiled later,
//    files added since), so also its compiled extensions, its *.libs folder
//    of vendored libraries and the bin/ scripts RECORD lists. Distributions
//    whose files overlap (namespace packages such as google/) are one.
//  - Node.js: a node_modules/<pkg> or node_modules/@scope/<pkg> folder with
//    everything in it, its nested node_modules included.
// What no package claims is the function's own (its handler, its modules).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_INSTALLEDPACKAGES_H
#define BRISK_PACKER_MANAGED_INSTALLEDPACKAGES_H

#include "managed/RuntimeFacts.h"
#include "managed/TreeIndex.h"

#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace brisk {

struct InstalledPackage {
  /// Python: the distribution names (several when their files overlap);
  /// Node.js: the package name ("lodash", "@aws-sdk/client-s3").
  std::vector<std::string> Names;
  /// Of the first name, from its metadata ("" when it has none).
  std::string Version;
  /// Python: the metadata folder ("numpy-1.26.4.dist-info"); Node.js: the
  /// package folder ("node_modules/lodash").
  std::string Root;
  /// Indices of its entries in the plan, ascending.
  std::vector<size_t> Files;

  std::string label() const;
};

struct PackageIndex {
  std::vector<InstalledPackage> Packages;
  /// Per entry of the plan: its package's index, or -1 for the function's
  /// own files.
  std::vector<int> Owner;

  /// Makes each pair of \p Links one package (a library one loads through
  /// $ORIGIN from another, a link between them): they must never be
  /// separated. Package indices change; names are kept in order.
  void merge(llvm::ArrayRef<std::pair<size_t, size_t>> Links);
};

/// The installed packages of the plan's tree \p Tree for \p Facts'
/// language. Unreadable or oversized metadata is an error naming the file.
llvm::Expected<PackageIndex> indexPackages(const TreeIndex &Tree,
                                           const RuntimeFacts &Facts);

llvm::Expected<PackageIndex> indexPythonPackages(const TreeIndex &Tree);
llvm::Expected<PackageIndex> indexNodePackages(const TreeIndex &Tree,
                                               llvm::StringRef PackageRoot);

/// Fills Files and Owner from \p Claims (one list of entry indices per
/// package, which may overlap: overlapping packages become one), then gives
/// unowned symlinks inside \p PackageRoot to the package their target is
/// in (node_modules/.bin/x -> ../pkg/bin/x).
void settleClaims(PackageIndex &Index, std::vector<std::vector<size_t>> Claims,
                  const TreeIndex &Tree, llvm::StringRef PackageRoot);

/// Python's name normalisation (PEP 503): "Foo.Bar_baz" -> "foo-bar-baz".
std::string normalisePythonName(llvm::StringRef Name);

/// Maximum size of a metadata file read to identify packages.
inline constexpr uint64_t MetadataBytesMax = 64ull << 20;

} // namespace brisk

#endif
