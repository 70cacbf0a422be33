//===- FunctionPlan.cpp - The files one function's zip will hold ----------===//

#include "plan/FunctionPlan.h"

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

} // namespace brisk
