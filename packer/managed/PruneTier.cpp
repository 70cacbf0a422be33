//===- PruneTier.cpp - How much --prune removes ---------------------------===//

#include "managed/PruneTier.h"

using namespace llvm;

namespace brisk {

Expected<PruneTier> parsePruneTier(StringRef Text) {
  for (PruneTier T : {PruneTier::None, PruneTier::Safe, PruneTier::Aggressive})
    if (Text == pruneTierName(T))
      return T;
  return createStringError("must be 'safe', 'aggressive' or 'none', not '" +
                           Text + "'");
}

StringRef pruneTierName(PruneTier Tier) {
  switch (Tier) {
  case PruneTier::None:
    return "none";
  case PruneTier::Safe:
    return "safe";
  case PruneTier::Aggressive:
    return "aggressive";
  }
  llvm_unreachable("unknown prune tier");
}

} // namespace brisk
