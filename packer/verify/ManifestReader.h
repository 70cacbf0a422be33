//===- ManifestReader.h - What verify reads from OUT_DIR/manifest.json ----===//
//
// The functions brisk-pack wrote (design.md's manifest schema, version 1),
// with their runtimes, zips, handlers and layers in order, paths checked to
// stay inside OUT_DIR.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_MANIFESTREADER_H
#define BRISK_PACKER_VERIFY_MANIFESTREADER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

struct ManifestLayer {
  std::string Name;
  std::string Zip; // absolute
};

struct ManifestFunction {
  std::string Name;
  std::string Runtime;
  std::string Zip; // absolute
  std::string CodeSha256;
  /// The function's handler setting; empty when the manifest names none.
  std::string Handler;
  /// Extracted to /opt in this order; a later one's files win.
  std::vector<ManifestLayer> Layers;
};

/// Reads OutDir/manifest.json. A missing file, malformed JSON, a missing or
/// mistyped field, a zip path that is absolute or climbs out of OUT_DIR, or a
/// layer name the manifest does not describe is an error naming the file and
/// the field.
llvm::Expected<std::vector<ManifestFunction>>
readManifest(llvm::StringRef OutDir);

/// The function named \p Name; an error listing the names there are.
llvm::Expected<ManifestFunction>
selectFunction(const std::vector<ManifestFunction> &Functions,
               llvm::StringRef Name, llvm::StringRef OutDir);

} // namespace brisk

#endif
