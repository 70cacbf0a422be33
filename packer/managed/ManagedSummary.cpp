//===- ManagedSummary.cpp - The summary lines of a managed function -------===//

#include "managed/ManagedSummary.h"
#include "managed/ManagedPlanner.h"

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
     << " bytes (--prune=" << M.PruneTier << ")\n";
  for (const auto &[Rule, Count] : PerRule)
    OS << "    " << left_justify(Rule, 20) << format_decimal(Count.first, 7)
       << " files " << format_decimal(Count.second, 12) << " bytes\n";
  if (ListPruned)
    for (const PruneRecord &R : M.Pruned)
      OS << "    - " << R.Path << " (" << R.Bytes << " bytes, " << R.Rule
         << ")\n";
}

void printManagedSummary(const FunctionPlan &Plan, bool ListPruned,
                         raw_ostream &OS) {
  if (!Plan.Managed)
    return;
  const ManagedPlan &M = *Plan.Managed;
  const ManagedUnits &U = M.Units;
  uint64_t PackageBytes = 0;
  for (const ManagedUnit &Unit : U.Units)
    PackageBytes += Unit.UnzippedBytes;
  OS << "  packages     " << U.Units.size() << " installed, " << PackageBytes
     << " bytes; " << U.FunctionOnly.size()
     << " entries of the function's own\n";
  for (size_t I = 0; I < U.Units.size(); ++I)
    if (U.Units[I].MustStayInFunction)
      OS << "    stays in the function: " << U.Labels[I] << ": "
         << U.StayReasons[I] << "\n";
  printPruned(M, ListPruned, OS);
  for (const RuntimeCopyNote &C : M.RuntimeCopies) {
    OS << "  runtime copy " << C.Package << ", " << C.Bytes << " bytes: ";
    if (C.Dropped)
      OS << "dropped (--drop-runtime-provided); the runtime's own ("
         << C.RuntimeVersion << ") is used\n";
    else
      OS << "the runtime ships its own (" << C.RuntimeVersion
         << "); kept, as it wins on the search path; if the runtime's "
            "version suffices, --drop-runtime-provided saves these bytes\n";
  }
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
