//===- ArchiveError.h - libarchive failures as llvm::Error ----------------===//

#ifndef BRISK_PACKER_ARCHIVE_ARCHIVEERROR_H
#define BRISK_PACKER_ARCHIVE_ARCHIVEERROR_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

struct archive;

namespace brisk {

/// "What: <libarchive's message for A>", or just What when it has none.
llvm::Error archiveError(struct archive *A, const llvm::Twine &What);

} // namespace brisk

#endif
