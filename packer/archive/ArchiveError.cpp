//===- ArchiveError.cpp - libarchive failures as llvm::Error --------------===//

#include "archive/ArchiveError.h"

#include <archive.h>

using namespace llvm;

namespace brisk {

Error archiveError(struct archive *A, const Twine &What) {
  std::string Text = What.str();
  // libarchive messages sometimes end with a newline.
  if (const char *Msg = archive_error_string(A))
    Text += ": " + StringRef(Msg).rtrim().str();
  return createStringError(Text);
}

} // namespace brisk
