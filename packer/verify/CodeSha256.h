//===- CodeSha256.h - Lambda's CodeSha256 of a zip on disk ----------------===//

#ifndef BRISK_PACKER_VERIFY_CODESHA256_H
#define BRISK_PACKER_VERIFY_CODESHA256_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// The base64 of the SHA-256 of the file's bytes, read in chunks.
llvm::Expected<std::string> codeSha256(llvm::StringRef Path);

} // namespace brisk

#endif
