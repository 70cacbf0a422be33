//===- Compression.cpp - zstd frames for cache entries --------------------===//

#include "cache/Compression.h"

#include <zstd.h>

namespace brisk {

std::string compressFrame(llvm::StringRef Data) {
  // Level 3 (zstd's default) compresses summaries about 8:1 at a speed that
  // keeps storing off the profile.
  ZSTD_CCtx *Ctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(Ctx, ZSTD_c_compressionLevel, 3);
  ZSTD_CCtx_setParameter(Ctx, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(Ctx, ZSTD_c_contentSizeFlag, 1);
  std::string Out(ZSTD_compressBound(Data.size()), '\0');
  size_t N =
      ZSTD_compress2(Ctx, Out.data(), Out.size(), Data.data(), Data.size());
  ZSTD_freeCCtx(Ctx);
  if (ZSTD_isError(N))
    return std::string();
  Out.resize(N);
  return Out;
}

std::optional<std::string> decompressFrame(llvm::StringRef Frame,
                                           size_t MaxBytes) {
  unsigned long long Size =
      ZSTD_getFrameContentSize(Frame.data(), Frame.size());
  if (Size == ZSTD_CONTENTSIZE_UNKNOWN || Size == ZSTD_CONTENTSIZE_ERROR ||
      Size > MaxBytes)
    return std::nullopt;
  // Exactly one frame and nothing after it: a file with garbage appended is
  // as damaged as a truncated one.
  if (ZSTD_findFrameCompressedSize(Frame.data(), Frame.size()) != Frame.size())
    return std::nullopt;
  std::string Out(Size, '\0');
  size_t N =
      ZSTD_decompress(Out.data(), Out.size(), Frame.data(), Frame.size());
  if (ZSTD_isError(N) || N != Size)
    return std::nullopt;
  return Out;
}

} // namespace brisk
