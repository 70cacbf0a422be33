//===- FunctionPlan.cpp - The files one function's zip will hold ----------===//

#include "plan/FunctionPlan.h"
#include "elf/ElfFile.h"

#include "llvm/Support/FileSystem.h"

using namespace llvm;

namespace brisk {

Error PlannedFile::read(function_ref<Error(StringRef)> Consume) const {
  if (Generated)
    return Consume(*Generated);
  return readSource(Source, Consume);
}

Expected<std::unique_ptr<MemoryBuffer>> PlannedFile::map() const {
  if (Generated)
    return MemoryBuffer::getMemBuffer(*Generated, ZipPath,
                                      /*RequiresNullTerminator=*/false);
  return mapSource(Source, ZipPath);
}

uint64_t FunctionPlan::inputBytes() const {
  uint64_t Total = 0;
  for (const PlannedFile &F : Files)
    Total += F.InputBytes;
  return Total;
}

uint64_t FunctionPlan::unzippedBytes() const {
  uint64_t Total = 0;
  for (const PlannedFile &F : Files)
    Total += F.Bytes;
  return Total;
}

int64_t FunctionPlan::stripSavedBytes() const {
  return static_cast<int64_t>(inputBytes()) -
         static_cast<int64_t>(unzippedBytes());
}

PlannedFile plannedFromInventory(const InventoryFile &F, std::string ZipPath) {
  PlannedFile P;
  P.ZipPath = std::move(ZipPath);
  P.Kind = F.Kind;
  P.Executable = F.Mode & 0111;
  P.LinkTarget = F.LinkTarget;
  P.Source = F.Source;
  P.InputBytes = P.Bytes = F.Size;
  P.Sha256 = F.Sha256;
  return P;
}

Expected<PlannedFile> plannedFromHost(StringRef HostPath, std::string ZipPath) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(HostPath, Status))
    return createStringError(EC,
                             "cannot stat '" + HostPath + "': " + EC.message());
  PlannedFile P;
  P.ZipPath = std::move(ZipPath);
  P.Executable = Status.permissions() & 0111;
  P.InputBytes = P.Bytes = Status.getSize();
  P.Source = {HostPath.str(), 0, P.InputBytes};
  Expected<std::string> Head = peekSource(P.Source, 4);
  if (!Head)
    return Head.takeError();
  P.Kind = looksLikeElf(*Head) ? FileKind::SharedObject : FileKind::Other;
  return P;
}

} // namespace brisk
