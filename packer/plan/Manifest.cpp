//===- Manifest.cpp - manifest.json, the machine-readable result of a run -===//

#include "plan/Manifest.h"
#include "inventory/PathSafety.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace brisk {

std::string renderManifest(const PackResult &Result, StringRef ReportFile) {
  using nlohmann::ordered_json;
  ordered_json Root;
  Root["version"] = 1;
  Root["functions"] = ordered_json::array();
  uint64_t InputBytes = 0, OutputBytes = 0;
  for (const PackedFunction &F : Result.Functions) {
    ordered_json J;
    J["name"] = F.Plan.Name;
    J["runtime"] = F.Plan.Runtime;
    J["zip"] = F.ZipPath;
    J["code_sha256"] = F.CodeSha256;
    J["zip_bytes"] = F.ZipBytes;
    J["unzipped_bytes"] = F.Plan.unzippedBytes();
    J["layers"] = F.Plan.Layers;
    J["total_unzipped_bytes"] = F.TotalUnzippedBytes;
    Root["functions"].push_back(std::move(J));
    InputBytes += F.InputBytes;
    OutputBytes += F.ZipBytes;
  }
  Root["layers"] = ordered_json::array();
  for (const LayerOutput &L : Result.Layers) {
    ordered_json J;
    J["name"] = L.Name;
    J["zip"] = L.ZipPath;
    J["code_sha256"] = L.CodeSha256;
    J["zip_bytes"] = L.ZipBytes;
    J["unzipped_bytes"] = L.unzippedBytes();
    J["files"] = L.Files.size();
    J["used_by"] = L.UsedBy;
    ordered_json Units = ordered_json::array();
    for (size_t I = 0; I < L.UnitIds.size(); ++I)
      Units.push_back({{"id", L.UnitIds[I]}, {"name", L.UnitNames[I]}});
    J["units"] = std::move(Units);
    Root["layers"].push_back(std::move(J));
    OutputBytes += L.ZipBytes;
  }
  Root["input_bytes"] = InputBytes;
  Root["output_zip_bytes"] = OutputBytes;
  if (!ReportFile.empty())
    Root["report"] = ReportFile.str();
  return Root.dump(2) + "\n";
}

// Adds the "zip" of every entry of Root[Key] to Outputs; false if one is not
// a relative path inside the tree.
static bool addZips(const nlohmann::json &Root, const char *Key, bool Required,
                    std::vector<std::string> &Outputs) {
  auto It = Root.find(Key);
  if (It == Root.end())
    return !Required;
  if (!It->is_array())
    return false;
  for (const nlohmann::json &Entry : *It) {
    if (!Entry.is_object() || !Entry.contains("zip") ||
        !Entry["zip"].is_string())
      return false;
    std::string Zip = Entry["zip"].get<std::string>();
    Expected<std::string> Normal = normaliseEntryPath(Zip);
    if (!Normal) {
      consumeError(Normal.takeError());
      return false;
    }
    if (*Normal != Zip)
      return false;
    Outputs.push_back(std::move(Zip));
  }
  return true;
}

Expected<std::vector<std::string>> readManifestOutputs(StringRef TreeDir) {
  std::string Path = (TreeDir + "/" + ManifestFileName).str();
  std::vector<std::string> Outputs;
  sys::fs::file_status Status;
  if (sys::fs::status(Path, Status, /*follow=*/false))
    return Outputs;
  auto NotOurs = [&](const Twine &Why) {
    return createStringError("'" + Path + "' is not a brisk-pack manifest (" +
                             Why +
                             "), so which files there brisk-pack wrote "
                             "cannot be told: move it away, or remove it");
  };
  // Far above any real manifest; a bigger file is not one.
  constexpr uint64_t SizeMax = 64 << 20;
  if (Status.type() != sys::fs::file_type::regular_file)
    return NotOurs("not a regular file");
  if (Status.getSize() > SizeMax)
    return NotOurs("over 64 MiB");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return NotOurs(Buf.getError().message());
  StringRef Text = (*Buf)->getBuffer();
  nlohmann::json Root = nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                                              /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object())
    return NotOurs("not a JSON object");
  if (!Root.contains("version") || Root["version"] != 1)
    return NotOurs("no \"version\": 1");
  if (!addZips(Root, "functions", /*Required=*/true, Outputs) ||
      !addZips(Root, "layers", /*Required=*/false, Outputs))
    return NotOurs("a \"zip\" that is not a path inside the folder");
  if (Root.contains("report")) {
    std::string Report =
        Root["report"].is_string() ? Root["report"].get<std::string>() : "";
    Expected<std::string> Normal = normaliseEntryPath(Report);
    if (!Normal || *Normal != Report) {
      if (!Normal)
        consumeError(Normal.takeError());
      return NotOurs("a \"report\" that is not a path inside the folder");
    }
    Outputs.push_back(std::move(Report));
  }
  Outputs.push_back(ManifestFileName.str());
  return Outputs;
}

} // namespace brisk
