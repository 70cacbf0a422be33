//===- OutputTree.cpp - Walk and remove output trees without following links //

#include "output/OutputTree.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static Error pathError(std::error_code EC, const Twine &What) {
  return createStringError(EC, What + ": " + EC.message());
}

static std::string join(StringRef Root, StringRef Rel) {
  return Rel.empty() ? Root.str() : (Root + "/" + Rel).str();
}

Expected<std::vector<TreeEntry>> listTree(StringRef Root) {
  std::vector<TreeEntry> Entries;
  // Folders still to read, as indices into Entries; -1 is the root.
  std::vector<long> Pending = {-1};
  while (!Pending.empty()) {
    long Index = Pending.back();
    Pending.pop_back();
    std::string Rel = Index < 0 ? "" : Entries[Index].Path;
    std::string Dir = join(Root, Rel);
    std::error_code EC;
    for (sys::fs::directory_iterator It(Dir, EC, /*follow_symlinks=*/false),
         End;
         It != End && !EC; It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      TreeEntry E;
      E.Path = Rel.empty() ? Name.str() : Rel + "/" + Name.str();
      sys::fs::file_status Status;
      if (std::error_code StatEC =
              sys::fs::status(It->path(), Status, /*follow=*/false))
        return pathError(StatEC, "cannot stat '" + It->path() + "'");
      E.Type = Status.type();
      E.Mode = Status.permissions() & 07777;
      E.ID = Status.getUniqueID();
      Entries.push_back(std::move(E));
      if (Entries.back().isFolder())
        Pending.push_back(Entries.size() - 1);
    }
    if (EC)
      return pathError(EC, "cannot read folder '" + Dir + "'");
  }
  // Parents first: a folder's path sorts before the paths inside it.
  llvm::sort(Entries, [](const TreeEntry &A, const TreeEntry &B) {
    return A.Path < B.Path;
  });
  return Entries;
}

Error removeTree(StringRef Path) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status, /*follow=*/false)) {
    if (EC == std::errc::no_such_file_or_directory)
      return Error::success();
    return pathError(EC, "cannot stat '" + Path + "'");
  }
  if (Status.type() != sys::fs::file_type::directory_file) {
    if (::unlink(Path.str().c_str()) != 0 && errno != ENOENT)
      return pathError(std::error_code(errno, std::generic_category()),
                       "cannot remove '" + Path + "'");
    return Error::success();
  }
  Expected<std::vector<TreeEntry>> Entries = listTree(Path);
  if (!Entries)
    return Entries.takeError();
  // Contents before their folders.
  for (auto It = Entries->rbegin(); It != Entries->rend(); ++It) {
    std::string Full = join(Path, It->Path);
    int R = It->isFolder() ? ::rmdir(Full.c_str()) : ::unlink(Full.c_str());
    if (R != 0 && errno != ENOENT)
      return pathError(std::error_code(errno, std::generic_category()),
                       "cannot remove '" + Full + "'");
  }
  if (::rmdir(Path.str().c_str()) != 0 && errno != ENOENT)
    return pathError(std::error_code(errno, std::generic_category()),
                     "cannot remove '" + Path + "'");
  return Error::success();
}

Error syncFolder(StringRef Path) {
  int FD = ::open(Path.str().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (FD < 0)
    return pathError(std::error_code(errno, std::generic_category()),
                     "cannot open '" + Path + "'");
  int R = ::fsync(FD);
  int Errno = errno;
  ::close(FD);
  if (R != 0)
    return pathError(std::error_code(Errno, std::generic_category()),
                     "cannot flush '" + Path + "'");
  return Error::success();
}

} // namespace brisk
