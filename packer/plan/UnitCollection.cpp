//===- UnitCollection.cpp - The run's shareable units, from every producer ===//

#include "plan/UnitCollection.h"
#include "managed/ManagedUnits.h"
#include "plan/NativeUnits.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

using namespace llvm;

namespace brisk {

namespace {
/// A unit of the run, as first described, with every function using it.
struct Merged {
  FunctionUnit First;
  std::vector<UnitMembers> Members;
  /// Ids of what it needs, in any of its functions.
  std::set<std::string> Needs;
  /// It must stay in one of its functions, so in all: a unit is placed once
  /// for every function using it.
  bool MustStay = false;
};
} // namespace

CollectedUnits collectUnits(const std::vector<FunctionPlan> &Plans,
                            const LayerLimits &Limits) {
  CollectedUnits Out;
  LayerProblem &P = Out.Problem;
  P.Limits = Limits;
  std::map<std::string, Merged> ById;
  for (size_t I = 0; I < Plans.size(); ++I) {
    const FunctionPlan &Plan = Plans[I];
    std::vector<FunctionUnit> Units =
        Plan.Managed ? managedFunctionUnits(Plan) : nativeFunctionUnits(Plan);
    LayerFunction F;
    F.Name = Plan.Name;
    // The end of central directory record.
    F.OwnZipBytes = 22;
    std::vector<char> InUnit(Plan.Files.size(), 0);
    for (const FunctionUnit &U : Units)
      for (size_t J : U.Files)
        InUnit[J] = 1;
    for (size_t J = 0; J < Plan.Files.size(); ++J)
      if (!InUnit[J]) {
        F.OwnUnzippedBytes += Plan.Files[J].Bytes;
        F.OwnZipBytes += Plan.Files[J].ZipBytes;
      }
    P.Functions.push_back(std::move(F));
    std::vector<std::string> Ids;
    for (const FunctionUnit &U : Units)
      Ids.push_back(U.Unit.Id);
    for (FunctionUnit &U : Units) {
      Merged &M = ById[U.Unit.Id];
      for (size_t D : U.Unit.Dependencies)
        M.Needs.insert(Ids[D]);
      M.MustStay |= U.Unit.MustStay;
      M.Members.push_back({I, U.Files});
      if (M.Members.size() == 1)
        M.First = std::move(U);
    }
  }
  std::map<std::string, size_t> IndexOf;
  for (auto &[Id, M] : ById)
    IndexOf.emplace(Id, IndexOf.size());
  std::set<std::string> CLibraryPaths;
  for (auto &[Id, M] : ById) {
    ShareableUnit U = std::move(M.First.Unit);
    U.Users.clear();
    for (const UnitMembers &Member : M.Members)
      U.Users.push_back(Member.Plan);
    U.MustStay = M.MustStay;
    U.Dependencies.clear();
    for (const std::string &Need : M.Needs)
      U.Dependencies.push_back(IndexOf.at(Need));
    llvm::sort(U.Dependencies);
    if (M.First.CLibrary)
      for (const UnitFile &F : U.Files)
        CLibraryPaths.insert(F.LayerPath);
    P.Units.push_back(std::move(U));
    Out.Members.push_back(std::move(M.Members));
  }
  for (size_t I = 0; I < Plans.size(); ++I)
    if (!Plans[I].LibcBundled)
      P.Functions[I].RefusedLayerPaths.assign(CLibraryPaths.begin(),
                                              CLibraryPaths.end());
  return Out;
}

} // namespace brisk
