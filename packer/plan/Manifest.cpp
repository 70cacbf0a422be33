//===- Manifest.cpp - manifest.json, the machine-readable result of a run -===//

#include "plan/Manifest.h"

#include <nlohmann/json.hpp>

namespace brisk {

std::string renderManifest(const std::vector<PackedFunction> &Functions) {
  using nlohmann::ordered_json;
  ordered_json Root;
  Root["version"] = 1;
  Root["functions"] = ordered_json::array();
  uint64_t InputBytes = 0, OutputBytes = 0;
  for (const PackedFunction &F : Functions) {
    ordered_json J;
    J["name"] = F.Plan.Name;
    J["runtime"] = F.Plan.Runtime;
    J["zip"] = F.ZipPath;
    J["code_sha256"] = F.CodeSha256;
    J["zip_bytes"] = F.ZipBytes;
    J["unzipped_bytes"] = F.Plan.unzippedBytes();
    J["layers"] = ordered_json::array();
    J["total_unzipped_bytes"] = F.Plan.unzippedBytes();
    Root["functions"].push_back(std::move(J));
    InputBytes += F.Plan.inputBytes();
    OutputBytes += F.ZipBytes;
  }
  Root["layers"] = ordered_json::array();
  Root["input_bytes"] = InputBytes;
  Root["output_zip_bytes"] = OutputBytes;
  return Root.dump(2) + "\n";
}

} // namespace brisk
