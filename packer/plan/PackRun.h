//===- PackRun.h - One brisk-pack run: inputs to zips and manifest --------===//

#ifndef BRISK_PACKER_PLAN_PACKRUN_H
#define BRISK_PACKER_PLAN_PACKRUN_H

#include "layers/LayerPlan.h"
#include "plan/FunctionPlan.h"
#include "plan/LayerAssembly.h"
#include "plan/PackOptions.h"

#include "llvm/Support/raw_ostream.h"

#include <map>

namespace brisk {

/// brisk-pack's exit codes (design.md section 3).
enum PackExit { PackedOk = 0, LimitNotMet = 1, BadInput = 2 };

/// What packing one function produced.
struct PackedFunction {
  /// Its zip's files once its shared units went to layers.
  FunctionPlan Plan;
  /// Before stripping, and after it with every unit in its own zip.
  uint64_t InputBytes = 0;
  uint64_t AloneBytes = 0;
  /// The files as they were before layers took some (for the report).
  std::vector<PlannedFile> AllFiles;
  std::string ZipPath; // relative to OUT_DIR
  std::string CodeSha256;
  uint64_t ZipBytes = 0;
  std::map<std::string, uint64_t> EntryBytes;

  /// Its zip's bytes and its layers', unzipped: what Lambda counts.
  uint64_t TotalUnzippedBytes = 0;
};

/// Everything a run made, for the summary, the manifest and the report.
struct PackResult {
  std::vector<PackedFunction> Functions;
  std::vector<LayerOutput> Layers;
  /// The planner's decision (with its estimates).
  LayerPlan Plan;
  /// Measured: bytes of all zips, and the same with every unit that
  /// --min-share functions use stored once (each unit's entries as written).
  uint64_t StoredBytes = 0;
  uint64_t LowerBound = 0;
  /// --reuse-layers: the old manifest, and its layers not kept.
  std::string ReusedFrom;
  std::vector<std::string> OldLayerNames;
  /// Distinct files read, and how many were stripped.
  size_t DistinctFiles = 0;
  size_t StrippedFiles = 0;
  unsigned MaxLayers = 5;
  uint64_t UnzippedBytesMax = 0;
  uint64_t ZipBytesMax = 0;
};

/// Packs every function of \p Options into Options.OutDir. Prints the size
/// summary to \p Out and errors/warnings ("brisk-pack: error: <input>: ...")
/// to \p Err. OUT_DIR is replaced by the new output only when everything
/// succeeded (see output/OutputStage.h); otherwise it is left as it was.
PackExit runPack(const PackOptions &Options, llvm::raw_ostream &Out,
                 llvm::raw_ostream &Err);

} // namespace brisk

#endif
