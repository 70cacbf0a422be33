//===- ManagedSummary.cpp - The summary lines of a managed function -------===//

#include "managed/ManagedSummary.h"
#include "managed/ManagedPlanner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

#include <map>

using namespace llvm;

namespace brisk {

static void printPruned(const ManagedPlan &M, bool ListPruned,
                        raw_ostream &OS) {
  std::map<std::string, std::pair<uint64_t, uint64_t>> PerRule;
  uint64_t Bytes = 0;
  for (const PruneRecord &R : M.Pruned) {
    auto &[Files, RuleBytes] = PerRule[R.Rule];
    ++Files;
    RuleBytes += R.Bytes;
    Bytes += R.Bytes;
  }
  OS << "  pruned       " << M.Pruned.size() << " files, " << Bytes
     << " bytes (--prune=" << pruneTierName(M.Prune) << ")\n";
  for (const auto &[Rule, Count] : PerRule)
    OS << "    " << left_justify(Rule, 20) << format_decimal(Count.first, 7)
       << " files " << format_decimal(Count.second, 12) << " bytes\n";
  if (ListPruned)
    for (const PruneRecord &R : M.Pruned)
      OS << "    - " << R.Path << " (" << R.Bytes << " bytes, " << R.Rule
         << ")\n";
}

// One line per package of the runtime's list ("@aws-sdk/*" may be many of
// the function's).
static void printRuntimeCopies(const ManagedPlan &M, raw_ostream &OS) {
  std::map<std::string, std::vector<const RuntimeCopyNote *>> ByListed;
  for (const RuntimeCopyNote &C : M.RuntimeCopies)
    ByListed[C.Listed].push_back(&C);
  for (const auto &[Listed, Copies] : ByListed) {
    uint64_t Bytes = 0;
    for (const RuntimeCopyNote *C : Copies)
      Bytes += C->Bytes;
    const RuntimeCopyNote &First = *Copies.front();
    OS << "  runtime copy ";
    if (Copies.size() == 1)
      OS << First.Package;
    else
      OS << Copies.size() << " packages of " << Listed;
    OS << ", " << Bytes << " bytes: ";
    if (First.Dropped)
      OS << "dropped (--drop-runtime-provided); the runtime's own ("
         << First.RuntimeVersion << ") is used\n";
    else
      OS << "kept, it wins over the runtime's own (" << First.RuntimeVersion
         << "); --drop-runtime-provided leaves it out if that version "
            "suffices\n";
  }
}

// Each unit: its package, id, size, what it needs, and its entries.
static void printUnits(const ManagedUnits &U, raw_ostream &OS) {
  for (const ShareableUnit &Unit : U.Units) {
    OS << "    " << Unit.Name << " [" << StringRef(Unit.Id).take_front(12)
       << "] " << Unit.Files.size() << " entries, " << Unit.UnzippedBytes
       << " bytes, about " << Unit.ZipBytes << " zipped\n";
    std::vector<std::string> Needs;
    for (size_t Dep : Unit.Dependencies)
      Needs.push_back(U.Units[Dep].Name);
    llvm::sort(Needs);
    for (const std::string &Need : Needs)
      OS << "      needs " << Need << "\n";
    for (const UnitFile &F : Unit.Files)
      OS << "      " << F.FunctionPath << "\n";
  }
}

void printManagedSummary(const FunctionPlan &Plan, const ManagedDetail &Detail,
                         raw_ostream &OS) {
  if (!Plan.Managed)
    return;
  const ManagedPlan &M = *Plan.Managed;
  const ManagedUnits &U = M.Units;
  uint64_t PackageBytes = 0;
  for (const ShareableUnit &Unit : U.Units)
    PackageBytes += Unit.UnzippedBytes;
  OS << "  packages     " << U.Units.size() << " installed, " << PackageBytes
     << " bytes; " << U.FunctionOnly.size()
     << " entries of the function's own\n";
  for (size_t I = 0; I < U.Units.size(); ++I)
    if (U.Units[I].MustStay)
      OS << "    stays in the function: " << U.Units[I].Name << ": "
         << U.StayReasons[I] << "\n";
  if (Detail.ListPackages)
    printUnits(U, OS);
  printPruned(M, Detail.ListPruned, OS);
  printRuntimeCopies(M, OS);
  if (M.Precompiled) {
    const PrecompileOutcome &P = *M.Precompiled;
    OS << "  bytecode     ";
    if (!P.Skipped.empty())
      OS << "not added: " << P.Skipped << "\n";
    else
      OS << P.Added << " modules compiled with " << P.Interpreter << " ("
         << P.Failed << " did not compile)\n";
  }
}

} // namespace brisk
