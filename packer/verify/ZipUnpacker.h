//===- ZipUnpacker.h - Unpack a function's or layer's zip, safely ---------===//
//
// verify unpacks exactly the zips that will be uploaded, as Lambda does, into
// folders that the sandbox then binds at /var/task and /opt. The zips may be
// hostile: entries that climb out of the tree, absolute paths, symlinks that
// leave it, files written through a symlink, devices, and bombs are refused
// with the entry named, and nothing is written outside the folder. Memory
// stays bounded: contents stream to disk.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_ZIPUNPACKER_H
#define BRISK_PACKER_VERIFY_ZIPUNPACKER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>

namespace brisk {

/// What is left to unpack, shared by a function and its layers: Lambda's
/// unzipped limit covers them together.
struct UnpackBudget {
  uint64_t BytesLeft = 0;
  uint64_t EntriesLeft = 0;
};

/// Unpacks \p Zip into the existing folder \p Root, over what is there: a
/// later layer's file replaces an earlier one's, as on Lambda. Regular files
/// keep their permission bits (0777 mask), folders are 0755, symlinks must
/// resolve inside the tree. Errors name the zip and the entry.
llvm::Error unpackZip(llvm::StringRef Zip, llvm::StringRef Root,
                      UnpackBudget &Budget);

} // namespace brisk

#endif
