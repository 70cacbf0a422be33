//===- FolderReader.cpp - Read a folder input -----------------------------===//

#include "inventory/FolderReader.h"
#include "inventory/PathSafety.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <unistd.h>

using namespace llvm;

namespace brisk {

static Expected<std::string> readLink(StringRef Path) {
  SmallString<256> Target;
  Target.resize(4096);
  ssize_t Len = ::readlink(Path.str().c_str(), Target.data(), Target.size());
  if (Len < 0)
    return createStringError(std::error_code(errno, std::generic_category()),
                             "cannot read symlink '" + Path + "'");
  return std::string(Target.data(), Len);
}

Error readFolder(StringRef Root, const InventoryOptions &Options,
                 std::vector<InventoryFile> &Files) {
  std::vector<std::string> Pending = {""};
  while (!Pending.empty()) {
    std::string Dir = std::move(Pending.back());
    Pending.pop_back();
    std::string FullDir = Dir.empty() ? Root.str() : (Root + "/" + Dir).str();
    std::error_code EC;
    for (sys::fs::directory_iterator It(FullDir, EC, /*follow_symlinks=*/false),
         End;
         It != End && !EC; It.increment(EC)) {
      StringRef Full = It->path();
      StringRef Name = sys::path::filename(Full);
      Expected<std::string> Path =
          normaliseEntryPath(Dir.empty() ? Name.str() : Dir + "/" + Name.str());
      if (!Path)
        return Path.takeError();
      if (Options.Filter && Options.Filter->isOwn(*Path))
        continue;
      sys::fs::file_status Status;
      if (std::error_code StatEC = sys::fs::status(Full, Status, false))
        return createStringError(StatEC, "cannot stat '" + Full + "'");
      bool IsFolder = Status.type() == sys::fs::file_type::directory_file;
      // An excluded folder's contents are matched one by one, as zip does.
      if (IsFolder)
        Pending.push_back(*Path);
      if (Options.Filter && Options.Filter->skips(*Path, IsFolder))
        continue;
      InventoryFile F;
      F.Path = *Path;
      F.Mode = Status.permissions() & 0777;
      switch (Status.type()) {
      case sys::fs::file_type::directory_file:
        F.Kind = FileKind::Folder;
        break;
      case sys::fs::file_type::regular_file:
        F.Size = Status.getSize();
        // Known before a byte is read: a sparse 5 GiB file costs nothing.
        if (F.Size > Options.Budget.UnzippedMax)
          return overLimit("'" + F.Path + "' is " + Twine(F.Size) +
                           " bytes, over Lambda's unzipped limit of " +
                           Twine(Options.Budget.UnzippedMax) + " bytes");
        F.Source = {Full.str(), 0, F.Size};
        break;
      case sys::fs::file_type::symlink_file: {
        Expected<std::string> Target = readLink(Full);
        if (!Target)
          return Target.takeError();
        if (Expected<std::string> In = resolveLinkInTree(F.Path, *Target); !In)
          return In.takeError();
        F.Kind = FileKind::Symlink;
        F.LinkTarget = *Target;
        F.Size = Target->size();
        break;
      }
      default:
        return createStringError("'" + Full +
                                 "' is not a regular file, folder or symlink");
      }
      Files.push_back(std::move(F));
    }
    if (EC)
      return createStringError(EC, "cannot read folder '" +
                                       (Dir.empty() ? Root.str() : Dir) +
                                       "': " + EC.message());
  }
  return Error::success();
}

} // namespace brisk
