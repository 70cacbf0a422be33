//===- Inventory.cpp - Read a function's input into an inventory ----------===//

#include "inventory/Inventory.h"
#include "elf/ElfFile.h"
#include "inventory/ArchiveReader.h"
#include "inventory/PathSafety.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <unistd.h>

using namespace llvm;

namespace brisk {

Expected<std::unique_ptr<MemoryBuffer>>
openSource(StringRef SourcePath,
           const std::shared_ptr<MemoryBuffer> &Contents) {
  if (Contents)
    return MemoryBuffer::getMemBuffer(Contents->getMemBufferRef(),
                                      /*RequiresNullTerminator=*/false);
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(SourcePath, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(Buf.getError(),
                             "cannot read '" + SourcePath +
                                 "': " + Buf.getError().message());
  return std::move(*Buf);
}

Expected<std::unique_ptr<MemoryBuffer>> InventoryFile::open() const {
  return openSource(SourcePath, Contents);
}

uint64_t Inventory::totalBytes() const {
  uint64_t Total = 0;
  for (const InventoryFile &F : Files)
    Total += F.Size;
  return Total;
}

const InventoryFile *Inventory::find(StringRef Path) const {
  auto It = std::lower_bound(
      Files.begin(), Files.end(), Path,
      [](const InventoryFile &F, StringRef P) { return F.Path < P; });
  if (It == Files.end() || It->Path != Path)
    return nullptr;
  return &*It;
}

static std::string hexSha256(StringRef Bytes) {
  return toHex(SHA256::hash(arrayRefFromStringRef(Bytes)),
               /*LowerCase=*/true);
}

static Expected<std::string> readLink(StringRef Path) {
  SmallString<256> Target;
  Target.resize(4096);
  ssize_t Len = ::readlink(Path.str().c_str(), Target.data(), Target.size());
  if (Len < 0)
    return createStringError(std::error_code(errno, std::generic_category()),
                             "cannot read symlink '" + Path + "'");
  return std::string(Target.data(), Len);
}

static Error readFolder(StringRef Root, Inventory &Inv) {
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Root, EC, false), End;
       It != End && !EC; It.increment(EC)) {
    StringRef Full = It->path();
    StringRef Rel = Full.drop_front(Root.size()).ltrim('/');
    sys::fs::file_status Status;
    if (std::error_code StatEC = sys::fs::status(Full, Status, false))
      return createStringError(StatEC, "cannot stat '" + Full + "'");
    InventoryFile F;
    Expected<std::string> Path = normaliseEntryPath(Rel);
    if (!Path)
      return Path.takeError();
    F.Path = *Path;
    F.Mode = Status.permissions() & 0777;
    F.SourcePath = Full.str();
    switch (Status.type()) {
    case sys::fs::file_type::directory_file:
      continue;
    case sys::fs::file_type::regular_file:
      F.Size = Status.getSize();
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
      F.SourcePath.clear();
      break;
    }
    default:
      return createStringError("'" + Full +
                               "' is not a regular file, folder or symlink");
    }
    Inv.Files.push_back(std::move(F));
  }
  if (EC)
    return createStringError(EC, "cannot walk '" + Root + "': " + EC.message());
  return Error::success();
}

static Error readExecutable(StringRef Path, Inventory &Inv) {
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(Path, Real))
    return createStringError(EC, "cannot resolve '" + Path + "'");
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Real, Status))
    return createStringError(EC, "cannot stat '" + Real + "'");
  InventoryFile F;
  F.Path = sys::path::filename(Path).str();
  F.Mode = Status.permissions() & 0777;
  F.Size = Status.getSize();
  F.SourcePath = Real.str().str();
  Inv.Files.push_back(std::move(F));
  return Error::success();
}

// Fills kind and hash of every regular file; errors are reported for the
// first failing file in path order so that output does not depend on timing.
static Error hashAndClassify(Inventory &Inv, unsigned Threads) {
  std::vector<std::string> Errors(Inv.Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Inv.Files.size(); ++I)
      Pool.async([&, I] {
        InventoryFile &F = Inv.Files[I];
        if (F.Kind == FileKind::Symlink) {
          F.Sha256 = hexSha256(F.LinkTarget);
          return;
        }
        Expected<std::unique_ptr<MemoryBuffer>> Buf = F.open();
        if (!Buf) {
          Errors[I] = toString(Buf.takeError());
          return;
        }
        F.Size = (*Buf)->getBufferSize();
        F.Sha256 = hexSha256((*Buf)->getBuffer());
        F.Kind = classifyContents((*Buf)->getBuffer());
      });
    Pool.wait();
  }
  for (const std::string &E : Errors)
    if (!E.empty())
      return createStringError(E);
  return Error::success();
}

static bool hasElfMagic(StringRef Path) {
  char Magic[4] = {};
  Expected<sys::fs::file_t> FD = sys::fs::openNativeFileForRead(Path);
  if (!FD) {
    consumeError(FD.takeError());
    return false;
  }
  Expected<size_t> N =
      sys::fs::readNativeFile(*FD, MutableArrayRef<char>(Magic, 4));
  sys::fs::closeFile(*FD);
  if (!N) {
    consumeError(N.takeError());
    return false;
  }
  return looksLikeElf(StringRef(Magic, *N));
}

Expected<Inventory> readInventory(StringRef Path, unsigned Threads) {
  Inventory Inv;
  Inv.InputPath = Path.str();
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return createStringError(EC, EC.message());

  Error Err = Error::success();
  if (Status.type() == sys::fs::file_type::directory_file) {
    Inv.Input = InputKind::Folder;
    Err = readFolder(Path, Inv);
  } else if (Status.type() != sys::fs::file_type::regular_file) {
    return createStringError("not a regular file or folder");
  } else if (hasElfMagic(Path)) {
    Inv.Input = InputKind::ElfExecutable;
    Err = readExecutable(Path, Inv);
  } else {
    Inv.Input = InputKind::Archive;
    Err = readArchive(Path, Inv.Files);
  }
  if (Err)
    return Err;

  llvm::sort(Inv.Files, [](const InventoryFile &A, const InventoryFile &B) {
    return A.Path < B.Path;
  });
  for (size_t I = 1; I < Inv.Files.size(); ++I)
    if (Inv.Files[I].Path == Inv.Files[I - 1].Path)
      return createStringError("entry '" + Inv.Files[I].Path +
                               "' appears twice");
  if (Error E = hashAndClassify(Inv, Threads))
    return E;

  if (Inv.Input == InputKind::ElfExecutable &&
      Inv.Files.front().Kind != FileKind::ElfExecutable)
    return createStringError(Inv.Files.front().Kind == FileKind::SharedObject
                                 ? "is a shared library, not an executable"
                                 : "is not a valid ELF executable");
  return Inv;
}

} // namespace brisk
