//===- ByteCount.h - Byte counts as people read them: 262,144,000 ---------===//

#ifndef BRISK_PACKER_LAYERS_BYTECOUNT_H
#define BRISK_PACKER_LAYERS_BYTECOUNT_H

#include <cstdint>
#include <string>

namespace brisk {

/// \p Bytes with a comma between groups of three digits.
inline std::string groupedBytes(uint64_t Bytes) {
  std::string Digits = std::to_string(Bytes), Out;
  for (size_t I = 0; I < Digits.size(); ++I) {
    if (I && (Digits.size() - I) % 3 == 0)
      Out += ',';
    Out += Digits[I];
  }
  return Out;
}

} // namespace brisk

#endif
