//===- OutputStage.cpp - OUT_DIR is always the old output or the new one --===//

#include "output/OutputStage.h"
#include "output/ForeignFiles.h"
#include "output/OutputTree.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static constexpr StringRef ScratchName = ".brisk-stage";

static Error osError(int Errno, const Twine &What) {
  std::error_code EC(Errno, std::generic_category());
  return createStringError(EC, What + ": " + EC.message());
}

// Finds the folder that is replaced and its parent, making the parent's
// missing folders. A symlinked OUT_DIR is followed: its target is replaced,
// the link stays.
Error OutputStage::locate(StringRef OutDir) {
  if (Shown.empty())
    Shown = OutDir.str();
  StringRef Path = OutDir;
  while (Path.size() > 1 && Path.ends_with("/"))
    Path = Path.drop_back();
  StringRef Base = sys::path::filename(Path);
  SmallString<256> ParentShown(sys::path::parent_path(Path));
  if (Base == "." || Base == "..") {
    SmallString<256> Resolved;
    if (std::error_code EC = sys::fs::real_path(Path, Resolved))
      return createStringError(EC, "cannot use '" + Shown +
                                       "' as OUT_DIR: " + EC.message());
    return locate(Resolved);
  }
  if (ParentShown.empty())
    ParentShown = sys::path::is_absolute(Path) ? "/" : ".";

  // Make the parent's missing folders, outermost first.
  SmallVector<std::string, 4> Missing;
  for (StringRef P = ParentShown; !P.empty(); P = sys::path::parent_path(P)) {
    sys::fs::file_status Status;
    if (!sys::fs::status(P, Status)) {
      if (Status.type() != sys::fs::file_type::directory_file)
        return createStringError("OUT_DIR '" + Shown + "': '" + P +
                                 "' is not a folder");
      break;
    }
    Missing.push_back(P.str());
  }
  for (auto It = Missing.rbegin(); It != Missing.rend(); ++It) {
    if (::mkdir(It->c_str(), 0777) == 0) {
      CreatedParents.push_back(*It);
      continue;
    }
    // "a/.." exists once "a" does.
    if (errno != EEXIST || !sys::fs::is_directory(*It))
      return osError(errno, "cannot create the folder '" + *It + "'");
  }
  SmallString<256> RealParent;
  if (std::error_code EC = sys::fs::real_path(ParentShown, RealParent))
    return createStringError(EC, "cannot resolve '" + ParentShown +
                                     "': " + EC.message());

  SmallString<256> Candidate(RealParent);
  sys::path::append(Candidate, Base);
  sys::fs::file_status Status;
  std::error_code EC = sys::fs::status(Candidate, Status, /*follow=*/false);
  if (EC && EC != std::errc::no_such_file_or_directory)
    return createStringError(EC,
                             "cannot stat '" + Shown + "': " + EC.message());
  Real = Candidate.str().str();
  if (!EC && Status.type() == sys::fs::file_type::symlink_file) {
    SmallString<256> Target;
    if (std::error_code LinkEC = sys::fs::real_path(Candidate, Target))
      return createStringError(LinkEC, "OUT_DIR '" + Shown +
                                           "' is a symlink to nothing");
    Real = Target.str().str();
    EC = sys::fs::status(Real, Status);
  }
  OutDirExists = !EC;
  if (OutDirExists && Status.type() != sys::fs::file_type::directory_file)
    return createStringError("OUT_DIR '" + Shown + "' is not a folder");
  Parent = sys::path::parent_path(Real).str();
  Name = sys::path::filename(Real).str();
  if (Parent.empty() || Name.empty())
    return createStringError("OUT_DIR '" + Shown +
                             "' is the root folder: brisk-pack replaces "
                             "OUT_DIR whole; use a folder of its own");

  // Replacing OUT_DIR renames it: a mount point cannot be renamed, and the
  // folder the user stands in would be pulled away from under them.
  if (OutDirExists) {
    struct stat Out, Up;
    if (::stat(Real.c_str(), &Out) != 0 || ::stat(Parent.c_str(), &Up) != 0)
      return osError(errno, "cannot stat '" + Shown + "'");
    if (Out.st_dev != Up.st_dev)
      return createStringError(
          "OUT_DIR '" + Shown +
          "' is a mount point: brisk-pack replaces OUT_DIR whole by "
          "renaming it, which a mount point does not allow; use a folder "
          "inside it");
    OutDirMode = Out.st_mode & 07777;
  }
  SmallString<256> Cwd, RealCwd;
  if (!sys::fs::current_path(Cwd) && !sys::fs::real_path(Cwd, RealCwd) &&
      (RealCwd == Real || RealCwd.starts_with(Real + "/")))
    return createStringError("OUT_DIR '" + Shown +
                             "' holds the current folder: brisk-pack "
                             "replaces OUT_DIR whole; use a folder of its "
                             "own, such as -o dist");
  Sibling = Parent + "/." + Name + ".brisk-";
  return Error::success();
}

Expected<std::unique_ptr<OutputStage>>
OutputStage::open(StringRef OutDir, StringRef RecordFile,
                  OwnedFilesReader OwnedFiles,
                  std::vector<std::string> &Warnings) {
  std::unique_ptr<OutputStage> S(new OutputStage());
  S->RecordFile = RecordFile.str();
  S->OwnedFiles = std::move(OwnedFiles);
  if (Error E = S->locate(OutDir))
    return E;
  Expected<OutputLock> Lock =
      OutputLock::acquire(S->Sibling + "lock", S->Shown);
  if (!Lock)
    return Lock.takeError();
  S->Lock.emplace(std::move(*Lock));
  if (S->OutDirExists) {
    Expected<std::vector<std::string>> Owned = S->OwnedFiles(S->Real);
    if (!Owned)
      return Owned.takeError();
    for (const std::string &P : *Owned)
      S->Owned.insert(P);
  }
  if (Error E = S->cleanLeftovers(Warnings))
    return E;
  std::string Template = S->Sibling + "stage-XXXXXX";
  if (!::mkdtemp(Template.data()))
    return osError(errno, "cannot create a folder beside '" + S->Shown + "'");
  S->Stage = Template;
  S->Scratch = S->Stage + "/" + ScratchName.str();
  if (::mkdir(S->Scratch.c_str(), 0700) != 0)
    return osError(errno, "cannot create '" + S->Scratch + "'");
  return S;
}

Error OutputStage::cleanLeftovers(std::vector<std::string> &Warnings) {
  std::string Prefix = "." + Name + ".brisk-stage-";
  std::vector<std::string> Leftovers;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Parent, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC))
    if (sys::path::filename(It->path()).starts_with(Prefix) &&
        It->type() == sys::fs::file_type::directory_file)
      Leftovers.push_back(It->path());
  if (EC)
    return createStringError(EC,
                             "cannot read '" + Parent + "': " + EC.message());
  llvm::sort(Leftovers);
  for (const std::string &Dir : Leftovers) {
    // Still a stage (killed before the swap): all of it is this tool's.
    if (sys::fs::is_directory(Dir + "/" + ScratchName)) {
      if (Error E = removeTree(Dir))
        return E;
      continue;
    }
    // A replaced OUT_DIR (killed after the swap).
    StringSet<> LeftOwned;
    Expected<std::vector<std::string>> Listed = OwnedFiles(Dir);
    if (Listed)
      for (const std::string &P : *Listed)
        LeftOwned.insert(P);
    else
      consumeError(Listed.takeError());
    for (const std::string &Kept :
         removeReplacedTree(Dir, Real, LeftOwned, RecordFile))
      Warnings.push_back("kept '" + Dir + "/" + Kept +
                         "' left by an earlier run: brisk-pack did not "
                         "write it");
  }
  return Error::success();
}

Error OutputStage::writeFile(StringRef RelPath,
                             function_ref<Error(int FD)> Write) {
  SmallString<256> Path(Stage);
  sys::path::append(Path, RelPath);
  {
    // Folders on the way, outermost first.
    std::lock_guard<std::mutex> Lock(FoldersLock);
    SmallVector<std::string, 4> Missing;
    for (StringRef P = sys::path::parent_path(Path); P != Stage;
         P = sys::path::parent_path(P))
      if (!sys::fs::is_directory(P))
        Missing.push_back(P.str());
    for (auto It = Missing.rbegin(); It != Missing.rend(); ++It) {
      if (::mkdir(It->c_str(), 0777) != 0)
        return osError(errno, "cannot create '" + *It + "'");
      StageFolders.push_back(*It);
    }
  }
  std::string Shown = (outDir() + "/" + RelPath).str();
  int FD = ::open(Path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (FD < 0)
    return osError(errno, "cannot create '" + Shown + "'");
  Error Written = Write(FD);
  // Flushed before the swap, so that the new OUT_DIR survives a crash too.
  int Synced = Written ? 0 : ::fsync(FD);
  int Errno = errno;
  if (::close(FD) != 0 && !Synced) {
    Synced = -1;
    Errno = errno;
  }
  if (Written)
    return Written;
  if (Synced != 0)
    return osError(Errno, "cannot write '" + Shown + "'");
  return Error::success();
}

Error OutputStage::commit(std::vector<std::string> &Warnings) {
  if (Error E = removeTree(Scratch))
    return E;
  if (OutDirExists) {
    Expected<ForeignFiles> Foreign = findForeignFiles(Real, Owned);
    if (!Foreign)
      return Foreign.takeError();
    if (Error E = carryForeignFiles(*Foreign, Real, Stage, Shown))
      return E;
    for (const std::string &N : Foreign->Named)
      Warnings.push_back("'" + Shown + "/" + N +
                         "' was not written by brisk-pack: left in place");
  }
  unsigned Mode = OutDirExists ? OutDirMode : 0777 & ~sys::fs::getUmask();
  if (::chmod(Stage.c_str(), Mode) != 0)
    return osError(errno, "cannot set the mode of '" + Stage + "'");
  for (const std::string &Folder : StageFolders)
    if (Error E = syncFolder(Folder))
      return E;
  if (Error E = syncFolder(Stage))
    return E;

  // The one step that changes OUT_DIR.
  unsigned Flags = OutDirExists ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, Stage.c_str(), AT_FDCWD, Real.c_str(), Flags) != 0)
    return osError(errno, "cannot swap the new output into '" + Shown +
                              "' (brisk-pack needs renameat2 with "
                              "RENAME_EXCHANGE, Linux 3.15 or later)");
  Committed = true;
  if (Error E = syncFolder(Parent))
    Warnings.push_back(toString(std::move(E)));
  if (OutDirExists)
    for (const std::string &Kept :
         removeReplacedTree(Stage, Real, Owned, RecordFile))
      Warnings.push_back("kept '" + Stage + "/" + Kept + "': it appeared in '" +
                         Shown + "' while brisk-pack was replacing it");
  return Error::success();
}

OutputStage::~OutputStage() {
  if (!Committed && !Stage.empty())
    consumeError(removeTree(Stage));
  Lock.reset();
  if (Committed)
    return;
  for (auto It = CreatedParents.rbegin(); It != CreatedParents.rend(); ++It)
    ::rmdir(It->c_str());
}

} // namespace brisk
