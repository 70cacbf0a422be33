//===- ZipUnpacker.cpp - Unpack a function's or layer's zip, safely -------===//

#include "verify/ZipUnpacker.h"
#include "archive/ArchiveError.h"
#include "inventory/PathSafety.h"
#include "verify/SystemError.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

namespace {

using ArchivePtr = std::unique_ptr<struct archive, int (*)(struct archive *)>;

/// Writes entries below Root without ever following a symlink on the way.
class TreeWriter {
public:
  TreeWriter(StringRef Zip, StringRef Root) : Zip(Zip), Root(Root) {}

  Error folder(StringRef Rel);
  Error file(StringRef Rel, unsigned Mode, struct archive *A,
             UnpackBudget &Budget);
  Error symlink(StringRef Rel, StringRef Target);

private:
  Error fail(StringRef Rel, const Twine &What) const {
    return createStringError(Zip + ": entry '" + Rel + "' " + What);
  }
  std::string full(StringRef Rel) const { return (Root + "/" + Rel).str(); }
  Error parents(StringRef Rel);
  Error clear(StringRef Rel);

  StringRef Zip, Root;
};

} // namespace

Error TreeWriter::parents(StringRef Rel) {
  SmallVector<StringRef, 8> Parts;
  Rel.split(Parts, '/');
  Parts.pop_back();
  std::string Path = Root.str();
  for (StringRef Part : Parts) {
    Path += '/';
    Path += Part;
    struct stat St;
    if (lstat(Path.c_str(), &St) != 0) {
      if (errno != ENOENT || mkdir(Path.c_str(), 0755) != 0)
        return systemError(Zip + ": cannot create " + Path);
      continue;
    }
    if (S_ISLNK(St.st_mode))
      return fail(Rel, "lies under a symlink; it would be written through it");
    if (!S_ISDIR(St.st_mode))
      return fail(Rel, "lies under a file");
  }
  return Error::success();
}

/// Makes room at Rel for a new file or link: an earlier layer's file or link
/// goes, an earlier folder is an error.
Error TreeWriter::clear(StringRef Rel) {
  std::string Path = full(Rel);
  struct stat St;
  if (lstat(Path.c_str(), &St) != 0)
    return Error::success();
  if (S_ISDIR(St.st_mode))
    return fail(Rel, "replaces a folder");
  if (unlink(Path.c_str()) != 0)
    return systemError(Zip + ": cannot replace " + Path);
  return Error::success();
}

Error TreeWriter::folder(StringRef Rel) {
  if (Error E = parents(Rel))
    return E;
  std::string Path = full(Rel);
  struct stat St;
  if (lstat(Path.c_str(), &St) == 0 && S_ISDIR(St.st_mode))
    return Error::success();
  if (Error E = clear(Rel))
    return E;
  if (mkdir(Path.c_str(), 0755) != 0)
    return systemError(Zip + ": cannot create " + Path);
  return Error::success();
}

Error TreeWriter::file(StringRef Rel, unsigned Mode, struct archive *A,
                       UnpackBudget &Budget) {
  if (Error E = parents(Rel))
    return E;
  if (Error E = clear(Rel))
    return E;
  std::string Path = full(Rel);
  int Fd = open(Path.c_str(),
                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (Fd < 0)
    return systemError(Zip + ": cannot create " + Path);
  auto Close = make_scope_exit([&] { close(Fd); });
  char Buffer[64 * 1024];
  for (;;) {
    la_ssize_t N = archive_read_data(A, Buffer, sizeof(Buffer));
    if (N == 0)
      break;
    if (N < 0)
      return archiveError(A, Zip + ": cannot read entry '" + Rel + "'");
    if (uint64_t(N) > Budget.BytesLeft)
      return createStringError(Zip + ": unpacks to more than Lambda's " +
                               "unzipped limit for a function and its layers");
    Budget.BytesLeft -= N;
    for (la_ssize_t Done = 0; Done < N;) {
      ssize_t W = write(Fd, Buffer + Done, N - Done);
      if (W < 0)
        return systemError(Zip + ": cannot write " + Path);
      Done += W;
    }
  }
  // Not affected by the umask, as unzip on Lambda keeps the zip's bits.
  if (fchmod(Fd, Mode & 0777) != 0)
    return systemError(Zip + ": cannot set the mode of " + Path);
  return Error::success();
}

Error TreeWriter::symlink(StringRef Rel, StringRef Target) {
  if (Expected<std::string> Inside = resolveLinkInTree(Rel, Target); !Inside)
    return createStringError(Zip + ": " + toString(Inside.takeError()));
  if (Error E = parents(Rel))
    return E;
  if (Error E = clear(Rel))
    return E;
  if (::symlink(Target.str().c_str(), full(Rel).c_str()) != 0)
    return systemError(Zip + ": cannot create the symlink " + full(Rel));
  return Error::success();
}

Error unpackZip(StringRef Zip, StringRef Root, UnpackBudget &Budget) {
  ArchivePtr A(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(A.get());
  if (archive_read_open_filename(A.get(), Zip.str().c_str(), 64 * 1024) !=
      ARCHIVE_OK)
    return archiveError(A.get(), Zip + ": cannot open the zip");
  TreeWriter Writer(Zip, Root);
  struct archive_entry *Entry;
  for (;;) {
    int R = archive_read_next_header(A.get(), &Entry);
    if (R == ARCHIVE_EOF)
      return Error::success();
    if (R != ARCHIVE_OK && R != ARCHIVE_WARN)
      return archiveError(A.get(), Zip + ": cannot read the zip");
    if (Budget.EntriesLeft == 0)
      return createStringError(Zip + ": has more entries than verify unpacks");
    --Budget.EntriesLeft;
    const char *RawName = archive_entry_pathname_utf8(Entry);
    if (!RawName)
      RawName = archive_entry_pathname(Entry);
    Expected<std::string> Rel = normaliseEntryPath(RawName ? RawName : "");
    if (!Rel)
      return createStringError(Zip + ": " + toString(Rel.takeError()));
    auto Write = [&]() -> Error {
      switch (archive_entry_filetype(Entry)) {
      case AE_IFDIR:
        return Writer.folder(*Rel);
      case AE_IFREG:
        return Writer.file(*Rel, archive_entry_perm(Entry), A.get(), Budget);
      case AE_IFLNK: {
        const char *Target = archive_entry_symlink(Entry);
        return Writer.symlink(*Rel, Target ? Target : "");
      }
      default:
        return createStringError(Zip + ": entry '" + *Rel +
                                 "' is not a regular file, folder or symlink");
      }
    };
    if (Error E = Write())
      return E;
  }
}

} // namespace brisk
