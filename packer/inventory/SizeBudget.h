//===- SizeBudget.h - How much of an input brisk-pack will read -----------===//
//
// Sizes are checked before bytes are read: from stat(2) for folders, from
// each entry's declared size for archives, and, because a declared size can
// lie, again while inflating. A single file is never larger than Lambda's
// unzipped limit (stripping needs an ELF file in memory, and a bigger file
// of any other kind can never fit), files that stripping cannot shrink
// never add up to more than it, and no archive is inflated past a fixed
// multiple of it: a zip bomb costs at most that much work and no memory.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_SIZEBUDGET_H
#define BRISK_PACKER_INVENTORY_SIZEBUDGET_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace brisk {

struct SizeBudget {
  /// Lambda's unzipped limit for a function and its layers.
  uint64_t UnzippedMax = UINT64_MAX;
  /// Bytes inflated from one archive at most: stripping ELF files can bring
  /// more than UnzippedMax under it, but not this much more.
  uint64_t InflateMax = UINT64_MAX;

  static SizeBudget forLimit(uint64_t UnzippedMax) {
    return {UnzippedMax, UnzippedMax > UINT64_MAX / InflateFactor
                             ? UINT64_MAX
                             : UnzippedMax * InflateFactor};
  }
  static constexpr uint64_t InflateFactor = 4;
};

/// A size limit that cannot be met: brisk-pack's exit code 1, where other
/// errors are 2.
class OverLimitError : public llvm::ErrorInfo<OverLimitError> {
public:
  static char ID;
  explicit OverLimitError(std::string Message) : Message(std::move(Message)) {}
  void log(llvm::raw_ostream &OS) const override { OS << Message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  std::string Message;
};

inline llvm::Error overLimit(const llvm::Twine &Message) {
  return llvm::make_error<OverLimitError>(Message.str());
}

} // namespace brisk

#endif
