//===- ForeignFiles.cpp - What is in OUT_DIR that brisk-pack did not write ===//

#include "output/ForeignFiles.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static StringRef parentOf(StringRef Path) {
  return sys::path::parent_path(Path, sys::path::Style::posix);
}

Expected<ForeignFiles> findForeignFiles(StringRef OutDir,
                                        const StringSet<> &Owned) {
  Expected<std::vector<TreeEntry>> Entries = listTree(OutDir);
  if (!Entries)
    return Entries.takeError();
  // Per folder: does it hold (somewhere below) an owned file, a foreign
  // file, anything at all?
  StringSet<> HoldsOwned, HoldsForeign, NotEmpty;
  for (const TreeEntry &E : *Entries) {
    bool IsOwned = !E.isFolder() && Owned.count(E.Path);
    for (StringRef P = parentOf(E.Path); !P.empty(); P = parentOf(P)) {
      NotEmpty.insert(P);
      if (IsOwned)
        HoldsOwned.insert(P);
      else if (!E.isFolder())
        HoldsForeign.insert(P);
    }
  }
  ForeignFiles Foreign;
  StringSet<> Named;
  for (const TreeEntry &E : *Entries) {
    // A folder comes along when foreign files are in it, or when it is
    // empty; one holding only brisk-pack's files is brisk-pack's.
    bool Carried = E.isFolder()
                       ? HoldsForeign.count(E.Path) || !NotEmpty.count(E.Path)
                       : !Owned.count(E.Path);
    if (!Carried)
      continue;
    Foreign.Entries.push_back(E);
    // A folder brisk-pack shares is not named; what is foreign in it is.
    if (E.isFolder() && HoldsOwned.count(E.Path))
      continue;
    // Named by its outermost ancestor that is foreign as a whole (holding
    // an owned file is inherited upwards, so the last one found is it).
    StringRef Top = E.Path;
    for (StringRef P = parentOf(E.Path); !P.empty(); P = parentOf(P))
      if (!HoldsOwned.count(P))
        Top = P;
    bool TopIsFolder = Top != StringRef(E.Path) || E.isFolder();
    Named.insert((Top + (TopIsFolder ? "/" : "")).str());
  }
  for (const auto &N : Named)
    Foreign.Named.push_back(N.getKey().str());
  llvm::sort(Foreign.Named);
  return Foreign;
}

static Error conflict(StringRef Shown, StringRef Path) {
  return createStringError("'" + Shown + "/" + Path +
                           "' was not written by brisk-pack (its manifest "
                           "does not list it) and this run writes there: "
                           "move it away, or remove it");
}

static Error osError(const Twine &What) {
  std::error_code EC(errno, std::generic_category());
  return createStringError(EC, What + ": " + EC.message());
}

Error carryForeignFiles(const ForeignFiles &Foreign, StringRef OutDir,
                        StringRef Stage, StringRef Shown) {
  for (const TreeEntry &E : Foreign.Entries) {
    std::string From = (OutDir + "/" + E.Path).str();
    std::string To = (Stage + "/" + E.Path).str();
    if (E.isFolder()) {
      if (::mkdir(To.c_str(), 0700) == 0) {
        if (::chmod(To.c_str(), E.Mode) != 0)
          return osError("cannot set the mode of '" + To + "'");
        continue;
      }
      struct stat Existing;
      if (errno == EEXIST && ::lstat(To.c_str(), &Existing) == 0 &&
          S_ISDIR(Existing.st_mode))
        continue; // the new output has this folder too: share it
      if (errno == EEXIST)
        return conflict(Shown, E.Path);
      return osError("cannot create '" + To + "'");
    }
    // linkat without AT_SYMLINK_FOLLOW links a symlink itself.
    if (::linkat(AT_FDCWD, From.c_str(), AT_FDCWD, To.c_str(), 0) == 0)
      continue;
    if (errno == EEXIST)
      return conflict(Shown, E.Path);
    return osError("cannot keep '" + Shown + "/" + E.Path +
                   "' in the new output (it is linked, never copied)");
  }
  return Error::success();
}

std::vector<std::string> removeReplacedTree(StringRef OldTree,
                                            StringRef NewTree,
                                            const StringSet<> &Owned,
                                            StringRef RecordFile) {
  std::vector<std::string> Kept;
  Expected<std::vector<TreeEntry>> Entries = listTree(OldTree);
  if (!Entries) {
    Kept.push_back(toString(Entries.takeError()));
    return Kept;
  }
  // The record last: until it goes, a killed run's successor knows the rest.
  std::stable_partition(
      Entries->rbegin(), Entries->rend(),
      [&](const TreeEntry &E) { return E.Path != RecordFile; });
  for (auto It = Entries->rbegin(); It != Entries->rend(); ++It) {
    std::string Full = (OldTree + "/" + It->Path).str();
    if (It->isFolder()) {
      // Only empty folders go; one still holding a kept file stays.
      ::rmdir(Full.c_str());
      continue;
    }
    sys::fs::file_status New;
    bool Carried =
        !sys::fs::status(NewTree + "/" + It->Path, New, /*follow=*/false) &&
        New.getUniqueID() == It->ID;
    if ((Owned.count(It->Path) || Carried) && ::unlink(Full.c_str()) == 0)
      continue;
    Kept.push_back(It->Path);
  }
  ::rmdir(OldTree.str().c_str());
  llvm::sort(Kept);
  return Kept;
}

} // namespace brisk
