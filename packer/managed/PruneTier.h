//===- PruneTier.h - How much --prune removes -----------------------------===//

#ifndef BRISK_PACKER_MANAGED_PRUNETIER_H
#define BRISK_PACKER_MANAGED_PRUNETIER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace brisk {

/// none < safe (the default) < aggressive: a tier applies its rules and
/// those of the tiers before it.
enum class PruneTier { None, Safe, Aggressive };

/// "none", "safe", "aggressive"; anything else is an error saying what the
/// value must be (the caller names the option or key).
llvm::Expected<PruneTier> parsePruneTier(llvm::StringRef Text);

llvm::StringRef pruneTierName(PruneTier Tier);

} // namespace brisk

#endif
