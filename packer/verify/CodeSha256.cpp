//===- CodeSha256.cpp - Lambda's CodeSha256 of a zip on disk --------------===//

#include "verify/CodeSha256.h"

#include "llvm/Support/Base64.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SHA256.h"

using namespace llvm;

namespace brisk {

Expected<std::string> codeSha256(StringRef Path) {
  Expected<sys::fs::file_t> File = sys::fs::openNativeFileForRead(Path);
  if (!File)
    return File.takeError();
  SHA256 Hash;
  char Buffer[64 * 1024];
  for (;;) {
    Expected<size_t> N = sys::fs::readNativeFile(*File, Buffer);
    if (!N) {
      sys::fs::closeFile(*File);
      return N.takeError();
    }
    if (*N == 0)
      break;
    Hash.update(StringRef(Buffer, *N));
  }
  sys::fs::closeFile(*File);
  std::array<uint8_t, 32> Digest = Hash.final();
  return encodeBase64(Digest);
}

} // namespace brisk
