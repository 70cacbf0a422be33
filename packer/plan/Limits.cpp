//===- Limits.cpp - Lambda's size limits, from rules/lambda-limits.json ---===//

#include "plan/Limits.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using nlohmann::json;

namespace brisk {

Expected<LambdaLimits> parseLambdaLimits(StringRef Json, StringRef Origin) {
  json Root = json::parse(Json.begin(), Json.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object())
    return createStringError(Origin + ": not a JSON object");
  auto Field = [&](const char *Key, uint64_t &Into) -> Error {
    auto It = Root.find(Key);
    if (It == Root.end() || !It->is_number_unsigned() ||
        It->get<uint64_t>() == 0)
      return createStringError(Origin + ": '" + Key +
                               "' must be a positive integer");
    Into = It->get<uint64_t>();
    return Error::success();
  };
  LambdaLimits L;
  uint64_t Layers = 0;
  if (Error E = Field("unzipped_bytes_max", L.UnzippedBytesMax))
    return E;
  if (Error E = Field("direct_upload_zip_bytes_max", L.DirectUploadZipBytesMax))
    return E;
  if (Error E = Field("layers_per_function_max", Layers))
    return E;
  L.LayersPerFunctionMax = Layers;
  return L;
}

Expected<LambdaLimits> loadLambdaLimits(StringRef RulesDir) {
  SmallString<256> Path(RulesDir);
  sys::path::append(Path, "lambda-limits.json");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(
        Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  return parseLambdaLimits((*Buf)->getBuffer(), Path);
}

} // namespace brisk
