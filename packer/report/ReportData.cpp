//===- ReportData.cpp - The size report as data (--report=FILE.json) ------===//

#include "report/ReportData.h"
#include "plan/SizeReport.h"

#include "llvm/ADT/STLExtras.h"

#include <map>

using namespace llvm;
using nlohmann::ordered_json;

namespace brisk {

static ordered_json fileEntry(const PlannedFile &F, StringRef Path,
                              const std::map<std::string, uint64_t> *Entries,
                              StringRef Where) {
  ordered_json J;
  J["path"] = Path.str();
  J["kind"] = fileKindName(F.Kind).str();
  J["input_bytes"] = F.InputBytes;
  J["bytes"] = F.Bytes;
  uint64_t Zipped = F.ZipBytes;
  if (Entries) {
    auto It = Entries->find(Path.str());
    if (It != Entries->end())
      Zipped = It->second;
  }
  J["zip_bytes"] = Zipped;
  J["in"] = Where.str();
  J["unit"] = F.Unit;
  J["why"] = F.Why;
  return J;
}

ordered_json reportData(const PackResult &R) {
  ordered_json Root;
  Root["version"] = 1;
  Root["tool"] = {{"name", "brisk-pack"}, {"version", BRISK_VERSION}};
  Root["limits"] = {{"unzipped_bytes_max", R.UnzippedBytesMax},
                    {"direct_upload_zip_bytes_max", R.ZipBytesMax},
                    {"layers_per_function_max", R.MaxLayers}};
  std::map<std::string, std::string> LayerOf; // unit label -> layer
  uint64_t Input = 0, Stripped = 0, Unzipped = 0, Zipped = 0;
  // The layers holding each file (content and unit), found once here rather
  // than by scanning every layer for every file of every function.
  std::map<std::pair<std::string, std::string>,
           std::vector<const LayerOutput *>>
      HeldBy;
  for (const LayerOutput &L : R.Layers)
    for (const PlannedFile &LF : L.Files)
      HeldBy[{LF.Sha256, LF.Unit}].push_back(&L);
  Root["functions"] = ordered_json::array();
  for (const PackedFunction &F : R.Functions) {
    ordered_json J;
    J["name"] = F.Plan.Name;
    J["runtime"] = F.Plan.Runtime;
    J["zip"] = F.ZipPath;
    J["zip_bytes"] = F.ZipBytes;
    J["code_sha256"] = F.CodeSha256;
    J["input_bytes"] = F.InputBytes;
    J["stripped_bytes"] = F.AloneBytes;
    J["unzipped_bytes"] = F.Plan.unzippedBytes();
    J["total_unzipped_bytes"] = F.TotalUnzippedBytes;
    J["layers"] = F.Plan.Layers;
    // Every file the function needs, with where it went.
    std::map<std::string, bool> InZip;
    for (const PlannedFile &P : F.Plan.Files)
      InZip[P.ZipPath] = true;
    ordered_json Files = ordered_json::array();
    for (const PlannedFile &P : F.AllFiles) {
      if (P.isFolder())
        continue;
      std::string Where = "function";
      auto Held = HeldBy.find({P.Sha256, P.Unit});
      if (!InZip.count(P.ZipPath) && Held != HeldBy.end())
        // The last of the function's layers wins, as in /opt.
        for (const LayerOutput *L : Held->second)
          if (is_contained(F.Plan.Layers, L->Name))
            Where = L->Name;
      Files.push_back(fileEntry(
          P, P.ZipPath, Where == "function" ? &F.EntryBytes : nullptr, Where));
    }
    J["files"] = std::move(Files);
    Root["functions"].push_back(std::move(J));
    Input += F.InputBytes;
    Stripped += F.AloneBytes;
    Unzipped += F.Plan.unzippedBytes();
    Zipped += F.ZipBytes;
  }
  Root["layers"] = ordered_json::array();
  for (const LayerOutput &L : R.Layers) {
    ordered_json J;
    J["name"] = L.Name;
    J["zip"] = L.ZipPath;
    J["zip_bytes"] = L.ZipBytes;
    J["code_sha256"] = L.CodeSha256;
    J["unzipped_bytes"] = L.unzippedBytes();
    J["used_by"] = L.UsedBy;
    J["kept"] = !L.KeptName.empty();
    ordered_json Files = ordered_json::array();
    for (const PlannedFile &P : L.Files)
      if (!P.isFolder())
        Files.push_back(fileEntry(P, P.ZipPath, nullptr, L.Name));
    J["files"] = std::move(Files);
    Root["layers"].push_back(std::move(J));
    Unzipped += L.unzippedBytes();
    Zipped += L.ZipBytes;
  }
  Root["savings"] = {{"input_bytes", Input},
                     {"after_strip_bytes", Stripped},
                     {"after_layers_bytes", Unzipped},
                     {"zip_bytes", Zipped},
                     {"strip_saved", int64_t(Input) - int64_t(Stripped)},
                     {"layers_saved", int64_t(Stripped) - int64_t(Unzipped)},
                     {"deflate_saved", int64_t(Unzipped) - int64_t(Zipped)}};
  const LayerPlan &P = R.Plan;
  Root["plan"] = {{"method", planMethodName(P.Method).str()},
                  {"groups", P.Groups},
                  {"stored_bytes", R.StoredBytes},
                  {"lower_bound_bytes", R.LowerBound},
                  {"ratio", ratioText(R.StoredBytes, R.LowerBound)},
                  {"estimated_stored_bytes", P.StoredBytes},
                  {"estimated_lower_bound_bytes", P.LowerBound},
                  {"binding", P.Binding},
                  {"instead", P.Instead},
                  {"distinct_files", R.DistinctFiles},
                  {"stripped_files", R.StrippedFiles},
                  {"reused_from", R.ReusedFrom},
                  {"not_kept", P.NotKept}};
  Root["ledger"] = ordered_json::array();
  for (const PackedFunction &F : R.Functions) {
    ordered_json J;
    J["function"] = F.Plan.Name;
    J["own_bytes"] = F.Plan.unzippedBytes();
    J["layers"] = ordered_json::array();
    for (const LayerOutput &L : R.Layers)
      if (is_contained(F.Plan.Layers, L.Name))
        J["layers"].push_back({{"name", L.Name}, {"bytes", L.unzippedBytes()}});
    J["total_bytes"] = F.TotalUnzippedBytes;
    J["limit_bytes"] = R.UnzippedBytesMax;
    Root["ledger"].push_back(std::move(J));
  }
  return Root;
}

} // namespace brisk
