//===- FunctionPlan.cpp - The files one function's zip will hold ----------===//

#include "plan/FunctionPlan.h"

using namespace llvm;

namespace brisk {

Expected<std::unique_ptr<MemoryBuffer>> PlannedFile::open() const {
  if (Shipped)
    return MemoryBuffer::getMemBuffer(*Shipped, ZipPath,
                                      /*RequiresNullTerminator=*/false);
  return openSource(SourcePath, SourceContents);
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

void FunctionPlan::releaseContents() {
  for (PlannedFile &F : Files) {
    F.Shipped.reset();
    F.SourceContents.reset();
  }
}

} // namespace brisk
