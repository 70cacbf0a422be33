//===- SourceFiles.cpp - Read-only cache of source files ------------------===//

#include "report/SourceFiles.h"

namespace brisk {

std::optional<llvm::StringRef> SourceFiles::text(llvm::StringRef Path) {
  auto It = Buffers.find(Path);
  if (It == Buffers.end()) {
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    It = Buffers.try_emplace(Path, Buf ? std::move(*Buf) : nullptr).first;
  }
  if (!It->second)
    return std::nullopt;
  return It->second->getBuffer();
}

std::optional<llvm::StringRef> SourceFiles::line(llvm::StringRef Path,
                                                 unsigned Line) {
  auto Text = text(Path);
  if (!Text || Line == 0)
    return std::nullopt;
  llvm::StringRef Rest = *Text;
  for (unsigned I = 1; I < Line; ++I) {
    size_t NL = Rest.find('\n');
    if (NL == llvm::StringRef::npos)
      return std::nullopt;
    Rest = Rest.substr(NL + 1);
  }
  return Rest.take_until([](char C) { return C == '\n'; }).rtrim('\r');
}

std::optional<unsigned> SourceFiles::offset(llvm::StringRef Path, unsigned Line,
                                            unsigned Column) {
  auto Text = text(Path);
  auto L = line(Path, Line);
  if (!Text || !L || Column == 0 || Column > L->size() + 1)
    return std::nullopt;
  return unsigned(L->data() - Text->data()) + Column - 1;
}

} // namespace brisk
