//===- RuntimeCopies.h - Packages a function ships that the runtime has ---===//
//
// AWS's Python runtimes ship boto3, botocore and s3transfer; its Node.js 18+
// runtimes the AWS SDK for JavaScript v3 (rules/runtimes/*.json,
// "runtime_packages"). A function's own copy wins on the search path, so it
// is kept by default and noted with the bytes it would save if the
// runtime's version suffices; --drop-runtime-provided leaves it out.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_RUNTIMECOPIES_H
#define BRISK_PACKER_MANAGED_RUNTIMECOPIES_H

#include "managed/InstalledPackages.h"

#include <string>
#include <vector>

namespace brisk {

struct RuntimeCopy {
  /// The function's package ("boto3 1.35.0").
  std::string Package;
  /// The runtime's package it is ("boto3", "@aws-sdk/*") and what the
  /// runtime file says of its version ("not published", "3.848.0").
  std::string Listed;
  std::string RuntimeVersion;
  /// Index into the PackageIndex.
  size_t PackageIndex = 0;
  uint64_t Bytes = 0;
};

/// The packages of \p Packages that \p Facts says the runtime ships too, in
/// package order.
std::vector<RuntimeCopy> findRuntimeCopies(const TreeIndex &Tree,
                                           const PackageIndex &Packages,
                                           const RuntimeFacts &Facts);

} // namespace brisk

#endif
