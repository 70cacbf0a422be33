//===- Manifest.h - manifest.json, the machine-readable result of a run ---===//

#ifndef BRISK_PACKER_PLAN_MANIFEST_H
#define BRISK_PACKER_PLAN_MANIFEST_H

#include "plan/PackRun.h"

#include <string>
#include <vector>

namespace brisk {

/// Where the manifest goes in OUT_DIR.
inline constexpr llvm::StringLiteral ManifestFileName = "manifest.json";

/// manifest.json as design.md section 3 fixes it, keys in that order,
/// functions in the order given (PackRun sorts them by name), layers by
/// name, ending with a newline. Each layer also lists its "units" (id and
/// name), which --reuse-layers reads; \p ReportFile, when not empty, is the
/// size report written inside OUT_DIR ("report": its path), so that the next
/// run knows it as its own.
std::string renderManifest(const PackResult &Result,
                           llvm::StringRef ReportFile);

/// The files an earlier run wrote into \p TreeDir, as its manifest.json
/// lists them (the zips of functions and layers, the report, and
/// manifest.json itself):
/// what a new run may replace. No manifest: nothing. A manifest brisk-pack
/// cannot have written is an error naming it, since which files are its own
/// can then not be told.
llvm::Expected<std::vector<std::string>>
readManifestOutputs(llvm::StringRef TreeDir);

} // namespace brisk

#endif
