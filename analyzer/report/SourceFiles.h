//===- SourceFiles.h - Read-only cache of the source files findings name --===//
//
// Suppression comments and the text output's source lines both come from the
// files on disk; each is read once.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_REPORT_SOURCEFILES_H
#define BRISK_ANALYZER_REPORT_SOURCEFILES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>

namespace brisk {

class SourceFiles {
public:
  /// The file's contents, or nullopt when it cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef Path);
  /// Line (1-based) without its line break, or nullopt.
  std::optional<llvm::StringRef> line(llvm::StringRef Path, unsigned Line);
  /// The byte offset of Line:Column (both 1-based, the column in bytes), or
  /// nullopt when the file has no such place.
  std::optional<unsigned> offset(llvm::StringRef Path, unsigned Line,
                                 unsigned Column);

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

} // namespace brisk

#endif // BRISK_ANALYZER_REPORT_SOURCEFILES_H
