//===- Inventory.cpp - Read a function's input into an inventory ----------===//

#include "inventory/Inventory.h"
#include "elf/ElfFile.h"
#include "inventory/ArchiveReader.h"
#include "inventory/FolderReader.h"
#include "inventory/TreeCheck.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

using namespace llvm;

namespace brisk {

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

static std::string hexDigest(SHA256 &Hash) {
  return toHex(Hash.final(), /*LowerCase=*/true);
}

static Error readExecutable(StringRef Path, const InventoryOptions &Options,
                            Inventory &Inv) {
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
  if (F.Size > Options.Budget.UnzippedMax)
    return overLimit("it is " + Twine(F.Size) +
                     " bytes, over Lambda's unzipped limit of " +
                     Twine(Options.Budget.UnzippedMax) + " bytes");
  F.Source = {Real.str().str(), 0, F.Size};
  Inv.Files.push_back(std::move(F));
  return Error::success();
}

// Hashes a regular file in the one pass that reads it: streamed, except
// ELF files, which llvm::object reads whole to classify.
static Error hashAndClassify(InventoryFile &F) {
  Expected<std::string> Head = peekSource(F.Source, 4);
  if (!Head)
    return Head.takeError();
  SHA256 Hash;
  if (looksLikeElf(*Head)) {
    Expected<std::unique_ptr<MemoryBuffer>> Buf = mapSource(F.Source, F.Path);
    if (!Buf)
      return Buf.takeError();
    Hash.update((*Buf)->getBuffer());
    F.Kind = classifyContents((*Buf)->getBuffer());
  } else if (Error E = readSource(F.Source, [&](StringRef Chunk) {
               Hash.update(Chunk);
               return Error::success();
             })) {
    return E;
  }
  F.Sha256 = hexDigest(Hash);
  return Error::success();
}

// Fills kind and hash of every regular file; errors are reported for the
// first failing file in path order so that output does not depend on timing.
static Error hashAll(Inventory &Inv, unsigned Threads) {
  std::vector<std::string> Errors(Inv.Files.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Inv.Files.size(); ++I)
      Pool.async([&, I] {
        InventoryFile &F = Inv.Files[I];
        if (F.Kind == FileKind::Folder)
          return;
        if (F.Kind == FileKind::Symlink) {
          SHA256 Hash;
          Hash.update(F.LinkTarget);
          F.Sha256 = hexDigest(Hash);
          return;
        }
        if (Error E = hashAndClassify(F))
          Errors[I] = toString(std::move(E));
      });
    Pool.wait();
  }
  for (const std::string &E : Errors)
    if (!E.empty())
      return createStringError(E);
  return Error::success();
}

static bool hasElfMagic(StringRef Path) {
  Expected<std::string> Head = peekSource({Path.str(), 0, 4}, 4);
  if (!Head) {
    consumeError(Head.takeError());
    return false;
  }
  return looksLikeElf(*Head);
}

// What is wrong with an input given as an executable that is not one: a
// damaged executable reads as nothing in particular, so say what is damaged.
static std::string notAnExecutable(const InventoryFile &F) {
  Expected<std::unique_ptr<MemoryBuffer>> Buf = mapSource(F.Source, "");
  if (!Buf)
    return toString(Buf.takeError());
  Expected<ElfInfo> Info = readElfInfo((*Buf)->getMemBufferRef());
  if (!Info)
    return "is not a valid ELF executable: " + toString(Info.takeError());
  if (F.Kind == FileKind::SharedObject)
    return "is a shared library, not an executable";
  return "is an ELF file but neither an executable nor a shared library";
}

Expected<Inventory> readInventory(StringRef Path,
                                  const InventoryOptions &Options) {
  Inventory Inv;
  Inv.InputPath = Path.str();
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return createStringError(EC, EC.message());

  Error Err = Error::success();
  if (Status.type() == sys::fs::file_type::directory_file) {
    Inv.Input = InputKind::Folder;
    Err = readFolder(Path, Options, Inv.Files);
  } else if (Status.type() != sys::fs::file_type::regular_file) {
    return createStringError("not a regular file or folder");
  } else if (hasElfMagic(Path)) {
    Inv.Input = InputKind::ElfExecutable;
    Err = readExecutable(Path, Options, Inv);
  } else {
    Inv.Input = InputKind::Archive;
    Err = readArchive(Path, Options, Inv.Files);
  }
  if (Err)
    return Err;

  llvm::stable_sort(Inv.Files,
                    [](const InventoryFile &A, const InventoryFile &B) {
                      return A.Path < B.Path;
                    });
  if (Error E = checkTree(Inv))
    return E;
  if (Error E = hashAll(Inv, Options.Threads))
    return E;

  if (Inv.Input == InputKind::ElfExecutable &&
      Inv.Files.front().Kind != FileKind::ElfExecutable)
    return createStringError(notAnExecutable(Inv.Files.front()));
  return Inv;
}

} // namespace brisk
