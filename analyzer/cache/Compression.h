//===- Compression.h - zstd frames for cache entries ----------------------===//
//
// Cache entries are zstd frames with a content checksum, so that a torn,
// truncated or bit-flipped file is detected by decompression itself, before
// any of it is parsed.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CACHE_COMPRESSION_H
#define BRISK_ANALYZER_CACHE_COMPRESSION_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace brisk {

/// One zstd frame holding Data, its size and a checksum.
std::string compressFrame(llvm::StringRef Data);

/// Data of a frame compressFrame wrote; nullopt for anything else (not one
/// whole frame, a checksum mismatch, a declared size above MaxBytes).
std::optional<std::string> decompressFrame(llvm::StringRef Frame,
                                           size_t MaxBytes);

} // namespace brisk

#endif // BRISK_ANALYZER_CACHE_COMPRESSION_H
