//===- ZipWriter.cpp - Deterministic zip files through libarchive ---------===//

#include "archive/ZipWriter.h"
#include "archive/ArchiveError.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <optional>
#include <unistd.h>

using namespace llvm;

namespace brisk {

namespace {
struct WriterCloser {
  void operator()(struct archive *A) const { archive_write_free(A); }
};
struct EntryCloser {
  void operator()(struct archive_entry *E) const { archive_entry_free(E); }
};

// libarchive turns mtime into a DOS date with localtime(); pinning TZ to UTC
// for the duration of a write makes the fixed mtime 1980-01-01 00:00 in
// every zip, whatever the caller's TZ. Zips written at once on several
// threads share one pinning: the environment is the process's.
class UtcTimeZone {
public:
  UtcTimeZone() {
    std::lock_guard<std::mutex> Lock(M);
    if (Writers++)
      return;
    Saved.reset();
    if (const char *Old = std::getenv("TZ"))
      Saved = Old;
    setenv("TZ", "UTC0", 1);
    tzset();
  }
  ~UtcTimeZone() {
    std::lock_guard<std::mutex> Lock(M);
    if (--Writers)
      return;
    if (Saved)
      setenv("TZ", Saved->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }

private:
  static inline std::mutex M;
  static inline unsigned Writers = 0;
  static inline std::optional<std::string> Saved;
};

// libarchive's output sink: writes to the file and digests the same bytes.
struct DigestingSink {
  int FD = -1;
  SHA256 Hash;
  uint64_t Bytes = 0;

  static la_ssize_t write(struct archive *A, void *Self, const void *Buffer,
                          size_t Size) {
    auto &Sink = *static_cast<DigestingSink *>(Self);
    const char *Data = static_cast<const char *>(Buffer);
    for (size_t Done = 0; Done < Size;) {
      ssize_t N = ::write(Sink.FD, Data + Done, Size - Done);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0) {
        archive_set_error(A, errno, "write failed");
        return -1;
      }
      Done += N;
    }
    Sink.Hash.update(StringRef(Data, Size));
    Sink.Bytes += Size;
    return Size;
  }
};
} // namespace

// Every folder on the way to an entry gets its own entry, as `zip -r` writes
// them, so that unzip creates them 0755; a folder entry of its own is kept
// once.
static void addParentFolders(std::vector<ZipEntry> &Entries) {
  StringSet<> Folders;
  for (const ZipEntry &E : Entries) {
    if (E.Folder)
      Folders.insert(E.Path);
    for (StringRef P = sys::path::parent_path(E.Path, sys::path::Style::posix);
         !P.empty(); P = sys::path::parent_path(P, sys::path::Style::posix))
      Folders.insert(P);
  }
  llvm::erase_if(Entries, [](const ZipEntry &E) { return E.Folder; });
  for (const auto &F : Folders) {
    ZipEntry Dir;
    Dir.Path = F.getKey().str() + "/";
    Dir.Folder = true;
    Entries.push_back(std::move(Dir));
  }
}

Expected<std::vector<ZipEntry>>
prepareZipEntries(std::vector<ZipEntry> Entries) {
  addParentFolders(Entries);
  llvm::sort(Entries, [](const ZipEntry &A, const ZipEntry &B) {
    return A.Path < B.Path;
  });
  for (size_t I = 1; I < Entries.size(); ++I)
    if (Entries[I].Path == Entries[I - 1].Path)
      return createStringError("two files at '" + Entries[I].Path + "'");
  return Entries;
}

Expected<ZipDigest> writeZip(std::vector<ZipEntry> Entries, int FD,
                             unsigned CompressionLevel) {
  Expected<std::vector<ZipEntry>> Prepared =
      prepareZipEntries(std::move(Entries));
  if (!Prepared)
    return Prepared.takeError();
  return writePreparedZip(*Prepared, FD, CompressionLevel);
}

Expected<ZipDigest> writePreparedZip(ArrayRef<ZipEntry> Entries, int FD,
                                     unsigned CompressionLevel) {
  UtcTimeZone Utc;
  // Declared before the archive: on an early return, archive_write_free
  // still flushes through the sink (the ASan build found it used after its
  // scope).
  DigestingSink Sink;
  Sink.FD = FD;
  std::unique_ptr<struct archive, WriterCloser> A(archive_write_new());
  archive_write_set_format_zip(A.get());
  std::string Level = std::to_string(std::min(CompressionLevel, 9u));
  if (archive_write_set_format_option(A.get(), "zip", "compression",
                                      CompressionLevel ? "deflate" : "store") !=
          ARCHIVE_OK ||
      (CompressionLevel &&
       archive_write_set_format_option(A.get(), "zip", "compression-level",
                                       Level.c_str()) != ARCHIVE_OK))
    return archiveError(A.get(), "cannot configure the zip writer");
  // Names are UTF-8 and say so (general purpose bit 11), whatever the locale.
  if (archive_write_set_format_option(A.get(), "zip", "hdrcharset", "UTF-8") !=
      ARCHIVE_OK)
    return archiveError(A.get(), "cannot configure the zip writer");
  // No padding after the central directory, and each write passed on as it
  // comes, so that the bytes of every entry can be counted.
  archive_write_set_bytes_per_block(A.get(), 0);
  archive_write_set_bytes_in_last_block(A.get(), 1);
  if (archive_write_open2(A.get(), &Sink, nullptr, DigestingSink::write,
                          nullptr, nullptr) != ARCHIVE_OK)
    return archiveError(A.get(), "cannot open the zip for writing");

  ZipDigest Digest;
  for (const ZipEntry &E : Entries) {
    uint64_t EntryStart = Sink.Bytes;
    std::unique_ptr<struct archive_entry, EntryCloser> AE(archive_entry_new());
    archive_entry_set_pathname_utf8(AE.get(), E.Path.c_str());
    archive_entry_set_mtime(AE.get(), ZipFixedTime, 0);
    archive_entry_set_uid(AE.get(), 0);
    archive_entry_set_gid(AE.get(), 0);
    bool Regular = !E.Folder && E.LinkTarget.empty();
    if (E.Folder) {
      archive_entry_set_filetype(AE.get(), AE_IFDIR);
      archive_entry_set_perm(AE.get(), 0755);
    } else if (!E.LinkTarget.empty()) {
      archive_entry_set_filetype(AE.get(), AE_IFLNK);
      archive_entry_set_perm(AE.get(), 0777);
      archive_entry_set_symlink_utf8(AE.get(), E.LinkTarget.c_str());
    } else {
      archive_entry_set_filetype(AE.get(), AE_IFREG);
      archive_entry_set_perm(AE.get(), normalisedFileMode(E.Executable));
      archive_entry_set_size(AE.get(), E.Size);
    }
    if (archive_write_header(A.get(), AE.get()) != ARCHIVE_OK)
      return archiveError(A.get(), "cannot write zip entry '" + E.Path + "'");
    if (Regular) {
      uint64_t Written = 0;
      if (Error Err = E.Contents([&](StringRef Bytes) -> Error {
            Written += Bytes.size();
            while (!Bytes.empty()) {
              la_ssize_t N =
                  archive_write_data(A.get(), Bytes.data(), Bytes.size());
              if (N <= 0)
                return archiveError(A.get(),
                                    "cannot write zip entry '" + E.Path + "'");
              Bytes = Bytes.drop_front(N);
            }
            return Error::success();
          }))
        return std::move(Err);
      // The header already holds the size: the entry must match it.
      if (Written != E.Size)
        return createStringError("zip entry '" + E.Path + "' has " +
                                 Twine(Written) + " bytes, not " +
                                 Twine(E.Size));
    }
    if (archive_write_finish_entry(A.get()) != ARCHIVE_OK)
      return archiveError(A.get(), "cannot write zip entry '" + E.Path + "'");
    if (!E.Folder)
      Digest.EntryBytes[E.Path] = Sink.Bytes - EntryStart;
  }
  if (archive_write_close(A.get()) != ARCHIVE_OK)
    return archiveError(A.get(), "cannot finish the zip");
  Digest.Bytes = Sink.Bytes;
  Digest.Sha256 = Sink.Hash.final();
  return Digest;
}

} // namespace brisk
