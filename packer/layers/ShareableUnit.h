//===- ShareableUnit.h - What the layer planner plans: runtime-neutral ----===//
//
// The planner sees no files, ELF or packages: only units, each a set of
// files that must move together (a library with its soname links; the
// loader; an installed Python or Node.js package), identified by a content
// hash, with the functions that use it, what it costs, what it needs, and
// where its files sit in a function's zip and in a layer's zip. Producers
// (plan/NativeUnits.h for native functions) turn their own knowledge into
// units; docs/layers.md describes the model for new producers.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_LAYERS_SHAREABLEUNIT_H
#define BRISK_PACKER_LAYERS_SHAREABLEUNIT_H

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

struct UnitFile {
  /// Where the file sits in a function's zip ("lib/libcurl.so.4",
  /// "node_modules/ms/index.js").
  std::string FunctionPath;
  /// Where it sits in a layer's zip, so under /opt ("lib/libcurl.so.4",
  /// "nodejs/node_modules/ms/index.js").
  std::string LayerPath;
};

struct ShareableUnit {
  /// Lower-case hex content hash of the unit's files (bytes, modes, link
  /// targets) and their layer paths: equal ids are the same unit.
  std::string Id;
  /// For people: "libcurl.so.4.8.0", "requests 2.31.0".
  std::string Name;
  std::vector<UnitFile> Files;
  uint64_t UnzippedBytes = 0;
  /// Estimated bytes in a zip, entry overheads included.
  uint64_t ZipBytes = 0;
  /// Indices into LayerProblem::Functions, sorted, without repeats.
  std::vector<size_t> Users;
  /// Indices into LayerProblem::Units of units this one needs beside it:
  /// in a layer, each must be in a layer too (one its users all attach,
  /// since they use it as well). A Node.js package's dependencies, resolved
  /// by looking upward from the requiring file.
  std::vector<size_t> Dependencies;
  /// Never moved to a layer (a package whose files must stay beside the
  /// function's code).
  bool MustStay = false;
};

struct LayerFunction {
  std::string Name;
  /// What the function's zip holds beside its units.
  uint64_t OwnUnzippedBytes = 0;
  uint64_t OwnZipBytes = 0;
  /// Layer paths the function must not receive from any layer, for instance
  /// a C library for a function that runs on the image's: with its layers'
  /// lib/ first on the search path, it would load the wrong one.
  std::vector<std::string> RefusedLayerPaths;
};

struct LayerLimits {
  unsigned MaxLayers = 5;
  /// A function plus all its layers, unzipped.
  uint64_t UnzippedBytesMax = 262144000;
  /// A layer zip above this cannot be uploaded directly.
  uint64_t ZipBytesMax = 52428800;
  bool AllowS3Upload = false;
  /// Units used by fewer functions stay in them.
  unsigned MinShare = 2;
  /// Exact search up to this many groups of units; the greedy above.
  size_t ExactGroupsMax = 10;
};

/// A previous run's layer to keep as it is (--reuse-layers).
struct KeptLayer {
  std::string Name;
  /// Indices into LayerProblem::Units.
  std::vector<size_t> Units;
};

struct LayerProblem {
  std::vector<LayerFunction> Functions;
  std::vector<ShareableUnit> Units;
  LayerLimits Limits;
  std::vector<KeptLayer> Kept;
};

} // namespace brisk

#endif
