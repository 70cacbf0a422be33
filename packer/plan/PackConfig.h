//===- PackConfig.h - Read brisk-pack.json --------------------------------===//

#ifndef BRISK_PACKER_PLAN_PACKCONFIG_H
#define BRISK_PACKER_PLAN_PACKCONFIG_H

#include "plan/PackOptions.h"

namespace brisk {

/// Reads the config file at \p Path into \p Options. Relative paths in it are
/// taken against the file's folder. Unknown keys, wrong types and bad values
/// are errors naming the file and the key.
llvm::Error loadPackConfig(llvm::StringRef Path, PackOptions &Options);

/// Same, from JSON text; \p BaseDir anchors relative paths.
llvm::Error parsePackConfig(llvm::StringRef Json, llvm::StringRef Origin,
                            llvm::StringRef BaseDir, PackOptions &Options);

} // namespace brisk

#endif
