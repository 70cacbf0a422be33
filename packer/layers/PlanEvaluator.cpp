//===- PlanEvaluator.cpp - What a placement of units costs, and if it fits ===//

#include "layers/PlanEvaluator.h"
#include "layers/ByteCount.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <map>

using namespace llvm;

namespace brisk {

StringRef planMethodName(PlanMethod Method) {
  switch (Method) {
  case PlanMethod::Nothing:
    return "nothing to share";
  case PlanMethod::Exact:
    return "exact";
  case PlanMethod::Greedy:
    return "greedy";
  }
  return "";
}

PlanEvaluator::PlanEvaluator(const LayerProblem &Problem) : Problem(Problem) {
  const auto &Units = Problem.Units;
  Shareable.resize(Units.size());
  ConflictsWith.resize(Units.size());
  RefusedBy.resize(Units.size());
  Alone.resize(Problem.Functions.size());
  StringMap<std::vector<size_t>> ByPath;
  for (size_t U = 0; U < Units.size(); ++U) {
    Shareable[U] =
        !Units[U].MustStay &&
        Units[U].Users.size() >= std::max(1u, Problem.Limits.MinShare);
    for (const UnitFile &F : Units[U].Files)
      ByPath[F.LayerPath].push_back(U);
  }
  for (auto &Entry : ByPath)
    for (size_t A : Entry.second)
      for (size_t B : Entry.second)
        if (A != B)
          ConflictsWith[A].push_back(B);
  for (auto &C : ConflictsWith) {
    llvm::sort(C);
    C.erase(std::unique(C.begin(), C.end()), C.end());
  }
  for (size_t F = 0; F < Problem.Functions.size(); ++F) {
    Alone[F] = Problem.Functions[F].OwnUnzippedBytes;
    Bound += Problem.Functions[F].OwnZipBytes;
    for (const std::string &Path : Problem.Functions[F].RefusedLayerPaths) {
      auto It = ByPath.find(Path);
      if (It != ByPath.end())
        for (size_t U : It->second)
          RefusedBy[U].push_back(F);
    }
  }
  for (auto &R : RefusedBy) {
    llvm::sort(R);
    R.erase(std::unique(R.begin(), R.end()), R.end());
  }
  for (size_t U = 0; U < Units.size(); ++U) {
    for (size_t F : Units[U].Users)
      Alone[F] += Units[U].UnzippedBytes;
    Bound += Units[U].ZipBytes * (Shareable[U] ? 1 : Units[U].Users.size());
  }
}

uint64_t PlanEvaluator::saving(size_t U) const {
  const ShareableUnit &Unit = Problem.Units[U];
  return Unit.ZipBytes * (Unit.Users.size() - 1);
}

// Splits one block's units into layers whose zips stay under the limit:
// first fit, largest first, ties by id.
static std::vector<std::vector<size_t>> splitBlock(std::vector<size_t> Units,
                                                   const LayerProblem &P) {
  uint64_t Total = 0;
  for (size_t U : Units)
    Total += P.Units[U].ZipBytes;
  if (P.Limits.AllowS3Upload ||
      Total + LayerZipOverhead <= P.Limits.ZipBytesMax)
    return {Units};
  llvm::sort(Units, [&](size_t A, size_t B) {
    const ShareableUnit &X = P.Units[A], &Y = P.Units[B];
    if (X.ZipBytes != Y.ZipBytes)
      return X.ZipBytes > Y.ZipBytes;
    return X.Id < Y.Id;
  });
  std::vector<std::vector<size_t>> Bins;
  std::vector<uint64_t> Filled;
  for (size_t U : Units) {
    uint64_t Z = P.Units[U].ZipBytes;
    size_t B = 0;
    while (B < Bins.size() &&
           Filled[B] + Z + LayerZipOverhead > P.Limits.ZipBytesMax)
      ++B;
    if (B == Bins.size()) {
      Bins.emplace_back();
      Filled.push_back(0);
    }
    Bins[B].push_back(U);
    Filled[B] += Z;
  }
  return Bins;
}

Evaluation PlanEvaluator::evaluate(const Placement &Where, bool Explain) const {
  const LayerProblem &P = Problem;
  const LayerLimits &L = P.Limits;
  Evaluation E;
  auto Violate = [&](const std::string &Why) {
    E.Feasible = false;
    if (Explain)
      E.Violations.push_back(Why);
  };
  std::map<int, std::vector<size_t>> Blocks;
  for (size_t U = 0; U < Where.size(); ++U) {
    if (Where[U] < 0)
      continue;
    if (!Shareable[U])
      Violate("'" + P.Units[U].Name + "' may not go to a layer");
    for (size_t D : P.Units[U].Dependencies)
      if (Where[D] < 0)
        Violate("'" + P.Units[U].Name + "' would be in a layer without '" +
                P.Units[D].Name + "', which it needs");
    Blocks[Where[U]].push_back(U);
  }
  if (!E.Feasible && !Explain)
    return E;

  size_t NF = P.Functions.size();
  E.FunctionLayers.resize(NF);
  E.Totals.resize(NF);
  std::vector<uint64_t> Zips(NF);
  for (size_t F = 0; F < NF; ++F) {
    E.Totals[F] = P.Functions[F].OwnUnzippedBytes;
    Zips[F] = P.Functions[F].OwnZipBytes;
  }
  for (size_t U = 0; U < Where.size(); ++U)
    if (Where[U] < 0)
      for (size_t F : P.Units[U].Users) {
        E.Totals[F] += P.Units[U].UnzippedBytes;
        Zips[F] += P.Units[U].ZipBytes;
      }
  for (auto &[Id, Units] : Blocks)
    for (std::vector<size_t> &Bin : splitBlock(Units, P)) {
      PlannedLayer Layer;
      llvm::sort(Bin);
      for (size_t U : Bin) {
        Layer.UnzippedBytes += P.Units[U].UnzippedBytes;
        Layer.ZipBytes += P.Units[U].ZipBytes;
        Layer.Users.insert(Layer.Users.end(), P.Units[U].Users.begin(),
                           P.Units[U].Users.end());
      }
      Layer.ZipBytes += LayerZipOverhead;
      llvm::sort(Layer.Users);
      Layer.Users.erase(std::unique(Layer.Users.begin(), Layer.Users.end()),
                        Layer.Users.end());
      if (!L.AllowS3Upload && Layer.ZipBytes > L.ZipBytesMax)
        Violate("'" + P.Units[Bin.front()].Name + "' alone would make a " +
                groupedBytes(Layer.ZipBytes) + "-byte layer zip, over the " +
                groupedBytes(L.ZipBytesMax) + "-byte direct upload limit");
      Layer.Units = std::move(Bin);
      size_t Index = E.Layers.size();
      for (size_t F : Layer.Users) {
        E.FunctionLayers[F].push_back(Index);
        E.Totals[F] += Layer.UnzippedBytes;
      }
      E.Layers.push_back(std::move(Layer));
    }
  if (!E.Feasible && !Explain)
    return E;

  std::vector<char> Attached(P.Units.size(), 0);
  for (size_t F = 0; F < NF; ++F) {
    const std::string &Name = P.Functions[F].Name;
    if (E.FunctionLayers[F].size() > L.MaxLayers) {
      ++E.OverLayers;
      Violate("'" + Name + "' would need " +
              std::to_string(E.FunctionLayers[F].size()) +
              (E.FunctionLayers[F].size() == 1 ? " layer" : " layers") +
              ", at most " + std::to_string(L.MaxLayers));
    }
    if (E.Totals[F] > L.UnzippedBytesMax)
      Violate("'" + Name + "' + its layers would be " +
              groupedBytes(E.Totals[F]) + " bytes, over " +
              groupedBytes(L.UnzippedBytesMax));
    if (!E.Feasible && !Explain)
      return E;
    uint64_t Download = Zips[F];
    std::vector<size_t> Mine;
    for (size_t Index : E.FunctionLayers[F]) {
      const PlannedLayer &Layer = E.Layers[Index];
      Download += Layer.ZipBytes - LayerZipOverhead;
      for (size_t U : Layer.Units) {
        Attached[U] = 1;
        Mine.push_back(U);
        if (!llvm::is_contained(P.Units[U].Users, F))
          E.Waste += P.Units[U].UnzippedBytes;
      }
    }
    for (size_t U : Mine) {
      if (llvm::binary_search(RefusedBy[U], F))
        Violate("'" + Name + "' must not receive '" + P.Units[U].Name +
                "' from a layer");
      for (size_t Other : ConflictsWith[U])
        if (Attached[Other] && U < Other)
          Violate("'" + P.Units[U].Name + "' and '" + P.Units[Other].Name +
                  "' would both be at one layer path for '" + Name + "'");
    }
    for (size_t U : Mine)
      Attached[U] = 0;
    E.Downloads.push_back(Download);
    if (!E.Feasible && !Explain)
      return E;
  }
  for (size_t F = 0; F < NF; ++F)
    E.Stored += Zips[F];
  E.Content = E.Stored;
  for (const PlannedLayer &Layer : E.Layers) {
    E.Stored += Layer.ZipBytes;
    E.Content += Layer.ZipBytes - LayerZipOverhead;
  }
  llvm::sort(E.Downloads, std::greater<uint64_t>());
  return E;
}

bool PlanEvaluator::cheaper(const Evaluation &A, const Evaluation &B) {
  if (A.Content != B.Content)
    return A.Content < B.Content;
  if (A.Downloads != B.Downloads)
    return A.Downloads < B.Downloads;
  if (A.Waste != B.Waste)
    return A.Waste < B.Waste;
  return A.Layers.size() < B.Layers.size();
}

} // namespace brisk
