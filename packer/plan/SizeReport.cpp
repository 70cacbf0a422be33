//===- SizeReport.cpp - The plain-text size summary brisk-pack prints -----===//

#include "plan/SizeReport.h"

#include "layers/ByteCount.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
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

std::string ratioText(uint64_t Plan, uint64_t Bound) {
  std::string Out;
  raw_string_ostream OS(Out);
  OS << format("%.2fx", Bound ? double(Plan) / double(Bound) : 1.0);
  return Out;
}

static void printFunction(const PackedFunction &F, const ManagedDetail &Detail,
                          raw_ostream &OS) {
  const FunctionPlan &P = F.Plan;
  uint64_t Input = F.InputBytes, Unzipped = F.AloneBytes;
  OS << P.Name << " (" << P.Runtime << "): " << F.ZipPath << "\n";
  OS << "  input        " << format_decimal(Input, 12) << " bytes\n";
  OS << "  after strip  " << format_decimal(Unzipped, 12)
     << " bytes  (strip saved " << int64_t(Input) - int64_t(Unzipped) << ")\n";
  OS << "  zip          " << format_decimal(F.ZipBytes, 12)
     << " bytes  (deflate saved "
     << (P.unzippedBytes() > F.ZipBytes ? P.unzippedBytes() - F.ZipBytes : 0)
     << ")\n";
  if (P.BundledLibraries || P.LibcBundled) {
    OS << "  bundled      " << P.BundledLibraries << " libraries"
       << (P.LibcBundled ? ", with the loader and libc" : "");
    if (P.GconvModules)
      OS << ", and " << P.GconvModules << " gconv modules";
    OS << "\n";
  }
  printManagedSummary(P, Detail, OS);
  if (!P.Layers.empty())
    OS << "  layers       " << join(P.Layers, ", ") << "\n";
  OS << "  CodeSha256   " << F.CodeSha256 << "\n";
  OS << "  largest files:\n";
  printLargestFiles(P, 5, OS);
}

static void printLayer(const LayerOutput &L, raw_ostream &OS) {
  OS << "layer " << L.Name << ": " << L.ZipPath
     << (L.KeptName.empty() ? "" : " (kept)") << "\n";
  OS << "  used by      " << join(L.UsedBy, ", ") << "\n";
  OS << "  unzipped     " << format_decimal(L.unzippedBytes(), 12) << " bytes, "
     << L.Files.size() << " files\n";
  OS << "  zip          " << format_decimal(L.ZipBytes, 12) << " bytes\n";
  std::vector<std::string> Names = L.UnitNames;
  llvm::sort(Names);
  constexpr size_t Shown = 6;
  std::string Units = join(ArrayRef(Names).take_front(Shown), ", ");
  if (Names.size() > Shown)
    Units += ", and " + std::to_string(Names.size() - Shown) + " more";
  OS << "  units        " << Names.size() << ": " << Units << "\n";
  OS << "  CodeSha256   " << L.CodeSha256 << "\n";
}

static void printPlan(const PackResult &R, raw_ostream &OS) {
  const LayerPlan &Plan = R.Plan;
  OS << "layer plan: " << planMethodName(Plan.Method);
  if (Plan.Method != PlanMethod::Nothing)
    OS << " over " << Plan.Groups << " group" << (Plan.Groups == 1 ? "" : "s")
       << " of shared units";
  OS << ", " << R.Layers.size() << " layer" << (R.Layers.size() == 1 ? "" : "s")
     << "; plan " << ratioText(R.StoredBytes, R.LowerBound)
     << " the lower bound (" << groupedBytes(R.StoredBytes) << " bytes stored, "
     << "bound " << groupedBytes(R.LowerBound) << ")\n";
  OS << "  files: " << R.DistinctFiles
     << " distinct, each read and hashed once; " << R.StrippedFiles
     << " stripped\n";
  for (const std::string &B : Plan.Binding)
    OS << "  binding: " << B << "\n";
  for (const std::string &I : Plan.Instead)
    OS << "  instead: " << I << "\n";
  if (!R.ReusedFrom.empty()) {
    std::vector<std::string> Kept, New;
    for (const LayerOutput &L : R.Layers)
      (L.KeptName.empty() ? New : Kept).push_back(L.Name);
    OS << "  reuse: " << Kept.size() << " of " << R.OldLayerNames.size()
       << " layers of " << R.ReusedFrom << " kept"
       << (Kept.empty() ? "" : " (" + join(Kept, ", ") + ")") << "; "
       << New.size() << " new"
       << (New.empty() ? "" : " (" + join(New, ", ") + ")") << "\n";
    for (const std::string &N : Plan.NotKept)
      OS << "  not kept: " << N << "\n";
  }
}

static void printLedger(const PackResult &R, raw_ostream &OS) {
  OS << "budget (unzipped bytes; Lambda's limit "
     << groupedBytes(R.UnzippedBytesMax) << " per function with its layers):\n";
  for (const PackedFunction &F : R.Functions) {
    OS << "  " << F.Plan.Name << ": own "
       << groupedBytes(F.Plan.unzippedBytes());
    for (const LayerOutput &L : R.Layers)
      if (is_contained(F.Plan.Layers, L.Name))
        OS << " + " << L.Name << " " << groupedBytes(L.unzippedBytes());
    OS << " = " << groupedBytes(F.TotalUnzippedBytes)
       << format(" (%.1f%%)",
                 100.0 * double(F.TotalUnzippedBytes) /
                     double(std::max<uint64_t>(1, R.UnzippedBytesMax)))
       << "\n";
  }
}

void printSizeReport(const PackResult &R, const ManagedDetail &Detail,
                     raw_ostream &OS) {
  uint64_t TotalInput = 0, TotalZip = 0;
  for (const PackedFunction &F : R.Functions) {
    printFunction(F, Detail, OS);
    TotalInput += F.InputBytes;
    TotalZip += F.ZipBytes;
  }
  for (const LayerOutput &L : R.Layers) {
    printLayer(L, OS);
    TotalZip += L.ZipBytes;
  }
  if (R.Functions.size() > 1 || !R.Layers.empty() || !R.ReusedFrom.empty())
    printPlan(R, OS);
  printLedger(R, OS);
  OS << "total: " << R.Functions.size() << " function"
     << (R.Functions.size() == 1 ? "" : "s");
  if (!R.Layers.empty())
    OS << " and " << R.Layers.size() << " layer"
       << (R.Layers.size() == 1 ? "" : "s");
  OS << ", input " << TotalInput << " bytes, zips " << TotalZip << " bytes\n";
}

} // namespace brisk
