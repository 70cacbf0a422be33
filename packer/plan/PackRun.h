//===- PackRun.h - One brisk-pack run: inputs to zips and manifest --------===//

#ifndef BRISK_PACKER_PLAN_PACKRUN_H
#define BRISK_PACKER_PLAN_PACKRUN_H

#include "plan/FunctionPlan.h"
#include "plan/PackOptions.h"

#include "llvm/Support/raw_ostream.h"

namespace brisk {

/// brisk-pack's exit codes (design.md section 3).
enum PackExit { PackedOk = 0, LimitNotMet = 1, BadInput = 2 };

/// What packing one function produced.
struct PackedFunction {
  FunctionPlan Plan;
  std::string ZipPath; // relative to OUT_DIR
  std::string CodeSha256;
  uint64_t ZipBytes = 0;
};

/// Packs every function of \p Options into Options.OutDir. Prints the size
/// summary to \p Out and errors/warnings ("brisk-pack: error: <input>: ...")
/// to \p Err. OUT_DIR is replaced by the new output only when everything
/// succeeded (see output/OutputStage.h); otherwise it is left as it was.
PackExit runPack(const PackOptions &Options, llvm::raw_ostream &Out,
                 llvm::raw_ostream &Err);

} // namespace brisk

#endif
