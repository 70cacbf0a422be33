//===- ArchiveReader.cpp - Read zip and tar inputs through libarchive -----===//

#include "inventory/ArchiveReader.h"
#include "archive/ArchiveError.h"
#include "inventory/PathSafety.h"

#include "llvm/ADT/StringMap.h"

#include <archive.h>
#include <archive_entry.h>

using namespace llvm;

namespace brisk {

namespace {
struct ArchiveCloser {
  void operator()(struct archive *A) const { archive_read_free(A); }
};
} // namespace

static Expected<std::shared_ptr<MemoryBuffer>> readEntryData(struct archive *A,
                                                             StringRef Name) {
  SmallVector<char, 0> Data;
  const void *Block;
  size_t Size;
  la_int64_t Offset;
  for (;;) {
    int R = archive_read_data_block(A, &Block, &Size, &Offset);
    if (R == ARCHIVE_EOF)
      break;
    if (R != ARCHIVE_OK)
      return archiveError(A, "cannot read entry '" + Name + "'");
    // Sparse tar entries report holes as offset jumps.
    if (static_cast<uint64_t>(Offset) > Data.size())
      Data.resize(Offset, 0);
    Data.append(static_cast<const char *>(Block),
                static_cast<const char *>(Block) + Size);
  }
  return std::shared_ptr<MemoryBuffer>(MemoryBuffer::getMemBufferCopy(
      StringRef(Data.data(), Data.size()), Name));
}

Error readArchive(StringRef Path, std::vector<InventoryFile> &Files) {
  std::unique_ptr<struct archive, ArchiveCloser> A(archive_read_new());
  archive_read_support_filter_all(A.get());
  archive_read_support_format_zip(A.get());
  archive_read_support_format_tar(A.get());
  archive_read_support_format_gnutar(A.get());
  if (archive_read_open_filename(A.get(), Path.str().c_str(), 64 * 1024) !=
      ARCHIVE_OK)
    return archiveError(A.get(),
                        "not an ELF executable, a folder, a zip or a tar");

  StringMap<size_t> Index;
  struct archive_entry *Entry;
  for (;;) {
    int R = archive_read_next_header(A.get(), &Entry);
    if (R == ARCHIVE_EOF)
      break;
    if (R != ARCHIVE_OK && R != ARCHIVE_WARN)
      return archiveError(A.get(), "cannot read archive");
    const char *RawName = archive_entry_pathname_utf8(Entry);
    if (!RawName)
      RawName = archive_entry_pathname(Entry);
    StringRef Raw = RawName ? RawName : "";
    Expected<std::string> Name = normaliseEntryPath(Raw);
    if (!Name)
      return Name.takeError();

    InventoryFile F;
    F.Path = *Name;
    F.Mode = archive_entry_perm(Entry) & 0777;
    if (const char *Hard = archive_entry_hardlink(Entry)) {
      // A tar hard link: same bytes as an earlier entry.
      Expected<std::string> Target = normaliseEntryPath(Hard);
      if (!Target)
        return Target.takeError();
      auto It = Index.find(*Target);
      if (It == Index.end() || Files[It->second].Kind == FileKind::Symlink)
        return createStringError("hard link '" + Raw + "' -> '" + Hard +
                                 "' names no earlier file");
      F.Contents = Files[It->second].Contents;
      F.Size = F.Contents->getBufferSize();
    } else {
      switch (archive_entry_filetype(Entry)) {
      case AE_IFDIR:
        continue;
      case AE_IFREG: {
        Expected<std::shared_ptr<MemoryBuffer>> Data =
            readEntryData(A.get(), F.Path);
        if (!Data)
          return Data.takeError();
        F.Contents = std::move(*Data);
        F.Size = F.Contents->getBufferSize();
        break;
      }
      case AE_IFLNK: {
        const char *Target = archive_entry_symlink(Entry);
        StringRef T = Target ? Target : "";
        if (Expected<std::string> In = resolveLinkInTree(F.Path, T); !In)
          return In.takeError();
        F.Kind = FileKind::Symlink;
        F.LinkTarget = T.str();
        F.Size = T.size();
        break;
      }
      default:
        return createStringError("entry '" + Raw +
                                 "' is not a regular file, folder or symlink");
      }
    }
    Index[F.Path] = Files.size();
    Files.push_back(std::move(F));
  }
  return Error::success();
}

} // namespace brisk
