//===- ArchiveReader.cpp - Read zip and tar inputs through libarchive -----===//
//
// One pass over the archive: each kept entry is inflated straight into the
// spool file (holes of sparse tar entries stay holes), counted against the
// size budget as it comes, so that a bomb stops after at most the budget's
// bytes whatever its headers declare.
//
//===----------------------------------------------------------------------===//

#include "inventory/ArchiveReader.h"
#include "archive/ArchiveError.h"
#include "elf/ElfFile.h"
#include "inventory/PathSafety.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <unistd.h>

using namespace llvm;

namespace brisk {

namespace {
struct ArchiveCloser {
  void operator()(struct archive *A) const { archive_read_free(A); }
};

/// The spool file and the running totals the budget is checked against.
class Spool {
public:
  Spool(const InventoryOptions &Options) : Budget(Options.Budget) {}
  ~Spool() {
    if (FD >= 0)
      ::close(FD);
  }
  Error create(StringRef Dir) {
    if (std::error_code EC =
            sys::fs::createUniqueFile(Dir + "/archive-%%%%%%%%", FD, Path))
      return createStringError(EC, "cannot create a file in '" + Dir +
                                       "': " + EC.message());
    return Error::success();
  }

  /// Inflates the current entry of \p A into the spool; fills F's source
  /// and size.
  Error inflate(struct archive *A, struct archive_entry *Entry,
                InventoryFile &F) {
    const uint64_t Max = Budget.UnzippedMax;
    if (archive_entry_size_is_set(Entry) &&
        static_cast<uint64_t>(archive_entry_size(Entry)) > Max)
      return overLimit("entry '" + F.Path + "' declares " +
                       Twine(archive_entry_size(Entry)) +
                       " bytes, over Lambda's unzipped limit of " + Twine(Max) +
                       " bytes");
    uint64_t End = 0;
    bool Elf = false, First = true;
    for (;;) {
      const void *Block;
      size_t Size;
      la_int64_t Offset;
      int R = archive_read_data_block(A, &Block, &Size, &Offset);
      if (R == ARCHIVE_EOF)
        break;
      if (R != ARCHIVE_OK)
        return archiveError(A, "cannot read entry '" + F.Path + "'");
      StringRef Data(static_cast<const char *>(Block), Size);
      if (First && Offset == 0 && !Data.empty()) {
        Elf = looksLikeElf(Data);
        First = false;
      }
      if (Offset < 0 || uint64_t(Offset) + Size < uint64_t(Offset))
        return createStringError("entry '" + F.Path +
                                 "' has a block at an impossible offset");
      // Holes (an offset past the data so far) count as the zeros they are.
      uint64_t BlockEnd = uint64_t(Offset) + Size;
      uint64_t Grown = BlockEnd > End ? BlockEnd - End : 0;
      if (Error E = count(F.Path, BlockEnd, Grown, Elf))
        return E;
      End = std::max(End, BlockEnd);
      if (Error E = writeAt(Data, Base + Offset))
        return E;
    }
    // A sparse entry may end in a hole: its declared size is its real size,
    // already checked against the limit above.
    if (archive_entry_sparse_count(Entry) > 0 &&
        archive_entry_size_is_set(Entry)) {
      uint64_t Declared = archive_entry_size(Entry);
      if (Declared > End) {
        if (Error E = count(F.Path, Declared, Declared - End, Elf))
          return E;
        End = Declared;
        if (::ftruncate(FD, Base + End) != 0)
          return writeError();
      }
    }
    F.Size = End;
    F.Source = {Path.str().str(), Base, End};
    Base += End;
    return Error::success();
  }

private:
  Error count(StringRef Name, uint64_t EntryBytes, uint64_t Grown, bool Elf) {
    if (EntryBytes > Budget.UnzippedMax)
      return overLimit(
          "entry '" + Name + "' inflates past Lambda's unzipped limit of " +
          Twine(Budget.UnzippedMax) + " bytes; reading stopped there");
    Inflated += Grown;
    if (!Elf)
      Unstrippable += Grown;
    if (Unstrippable > Budget.UnzippedMax)
      return overLimit("its files other than ELF, which stripping cannot "
                       "shrink, add up to more than Lambda's unzipped limit "
                       "of " +
                       Twine(Budget.UnzippedMax) +
                       " bytes; reading stopped at entry '" + Name + "'");
    if (Inflated > Budget.InflateMax)
      return overLimit("it inflates to more than " + Twine(Budget.InflateMax) +
                       " bytes (" + Twine(SizeBudget::InflateFactor) +
                       " times Lambda's unzipped limit); reading stopped at "
                       "entry '" +
                       Name + "'");
    return Error::success();
  }

  Error writeAt(StringRef Data, uint64_t At) {
    while (!Data.empty()) {
      ssize_t N = ::pwrite(FD, Data.data(), Data.size(), At);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        return writeError();
      Data = Data.drop_front(N);
      At += N;
    }
    return Error::success();
  }

  Error writeError() {
    std::error_code EC(errno, std::generic_category());
    return createStringError(EC,
                             "cannot write '" + Path + "': " + EC.message());
  }

  const SizeBudget &Budget;
  int FD = -1;
  SmallString<256> Path;
  uint64_t Base = 0, Inflated = 0, Unstrippable = 0;
};
} // namespace

Error readArchive(StringRef Path, const InventoryOptions &Options,
                  std::vector<InventoryFile> &Files) {
  std::unique_ptr<struct archive, ArchiveCloser> A(archive_read_new());
  archive_read_support_filter_all(A.get());
  archive_read_support_format_zip(A.get());
  archive_read_support_format_tar(A.get());
  archive_read_support_format_gnutar(A.get());
  if (archive_read_open_filename(A.get(), Path.str().c_str(), 64 * 1024) !=
      ARCHIVE_OK)
    return archiveError(A.get(),
                        "not an ELF executable, a folder, a zip or a tar");
  Spool Out(Options);
  if (Error E = Out.create(Options.ScratchDir))
    return E;

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
    bool IsFolder = !archive_entry_hardlink(Entry) &&
                    archive_entry_filetype(Entry) == AE_IFDIR;
    // `tar -C dir -cf fn.tar .` starts with the tree's root, "./".
    if (IsFolder && isTreeRoot(Raw))
      continue;
    Expected<std::string> Name = normaliseEntryPath(Raw);
    if (!Name)
      return Name.takeError();
    if (Options.Filter && Options.Filter->skips(*Name, IsFolder))
      continue;

    InventoryFile F;
    F.Path = *Name;
    F.Mode = archive_entry_perm(Entry) & 0777;
    if (const char *Hard = archive_entry_hardlink(Entry)) {
      // A tar hard link: same bytes as an earlier entry.
      Expected<std::string> Target = normaliseEntryPath(Hard);
      if (!Target)
        return Target.takeError();
      auto It = Index.find(*Target);
      if (It == Index.end() || Files[It->second].Kind != FileKind::Other)
        return createStringError("hard link '" + Raw + "' -> '" + Hard +
                                 "' names no earlier file");
      F.Source = Files[It->second].Source;
      F.Size = Files[It->second].Size;
    } else {
      switch (archive_entry_filetype(Entry)) {
      case AE_IFDIR:
        F.Kind = FileKind::Folder;
        break;
      case AE_IFREG:
        if (Error E = Out.inflate(A.get(), Entry, F))
          return E;
        break;
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
