//===- FileSource.h - Where the bytes of a file are -----------------------===//
//
// Every file brisk-pack packs is a region of a file on disk: the input file
// itself, the run's spool file that holds what was inflated from a zip or a
// tar, or a stripped copy in the run's scratch folder. Bytes are streamed
// from there a chunk at a time; only ELF files, which llvm::object reads
// whole, are mapped.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_INVENTORY_FILESOURCE_H
#define BRISK_PACKER_INVENTORY_FILESOURCE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace brisk {

struct FileSource {
  std::string Path;
  uint64_t Offset = 0;
  uint64_t Size = 0;
};

/// Calls \p Consume with the bytes of \p Source in order, at most 1 MiB at a
/// time. A file that ends early is an error saying it changed.
llvm::Error
readSource(const FileSource &Source,
           llvm::function_ref<llvm::Error(llvm::StringRef)> Consume);

/// The first (up to) \p Count bytes of \p Source.
llvm::Expected<std::string> peekSource(const FileSource &Source, size_t Count);

/// The bytes of \p Source in memory (mapped when large), identified as
/// \p Name.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
mapSource(const FileSource &Source, llvm::StringRef Name);

/// Writes \p Bytes to a new file in \p Dir and returns it as a source.
llvm::Expected<FileSource> spoolBytes(llvm::StringRef Dir,
                                      llvm::StringRef Bytes);

} // namespace brisk

#endif
