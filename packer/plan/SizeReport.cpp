//===- SizeReport.cpp - The plain-text size summary brisk-pack prints -----===//

#include "plan/SizeReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace brisk {

std::vector<const PlannedFile *> largestFiles(const FunctionPlan &Plan,
                                              size_t Count) {
  std::vector<const PlannedFile *> Files;
  for (const PlannedFile &F : Plan.Files)
    if (!F.isFolder())
      Files.push_back(&F);
  llvm::sort(Files, [](const PlannedFile *A, const PlannedFile *B) {
    if (A->Bytes != B->Bytes)
      return A->Bytes > B->Bytes;
    return A->ZipPath < B->ZipPath;
  });
  if (Files.size() > Count)
    Files.resize(Count);
  return Files;
}

void printLargestFiles(const FunctionPlan &Plan, size_t Count,
                       raw_ostream &OS) {
  for (const PlannedFile *F : largestFiles(Plan, Count)) {
    OS << "    " << format_decimal(F->Bytes, 12) << "  " << F->ZipPath;
    if (F->Bytes != F->InputBytes)
      OS << " (was " << F->InputBytes << ")";
    OS << "\n";
  }
}

void printSizeReport(const std::vector<PackedFunction> &Functions,
                     const ManagedDetail &Detail, raw_ostream &OS) {
  uint64_t TotalInput = 0, TotalZip = 0;
  for (const PackedFunction &F : Functions) {
    const FunctionPlan &P = F.Plan;
    uint64_t Input = P.inputBytes(), Unzipped = P.unzippedBytes();
    TotalInput += Input;
    TotalZip += F.ZipBytes;
    OS << P.Name << " (" << P.Runtime << "): " << F.ZipPath << "\n";
    OS << "  input        " << format_decimal(Input, 12) << " bytes\n";
    OS << "  after strip  " << format_decimal(Unzipped, 12)
       << " bytes  (strip saved " << P.stripSavedBytes() << ")\n";
    OS << "  zip          " << format_decimal(F.ZipBytes, 12)
       << " bytes  (deflate saved "
       << (Unzipped > F.ZipBytes ? Unzipped - F.ZipBytes : 0) << ")\n";
    if (P.BundledLibraries || P.LibcBundled) {
      OS << "  bundled      " << P.BundledLibraries << " libraries"
         << (P.LibcBundled ? ", with the loader and libc" : "");
      if (P.GconvModules)
        OS << ", and " << P.GconvModules << " gconv modules";
      OS << "\n";
    }
    printManagedSummary(P, Detail, OS);
    OS << "  CodeSha256   " << F.CodeSha256 << "\n";
    OS << "  largest files:\n";
    printLargestFiles(P, 5, OS);
  }
  OS << "total: " << Functions.size() << " function"
     << (Functions.size() == 1 ? "" : "s") << ", input " << TotalInput
     << " bytes, zips " << TotalZip << " bytes\n";
}

} // namespace brisk
