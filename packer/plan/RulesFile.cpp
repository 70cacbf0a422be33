//===- RulesFile.cpp - Read one JSON file of rules/ -----------------------===//

#include "plan/RulesFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace brisk {

Expected<nlohmann::json> readRulesFile(StringRef RulesDir, StringRef Name,
                                       std::string &Path) {
  SmallString<256> Full(RulesDir);
  sys::path::append(Full, Name);
  Path = Full.str().str();
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Full);
  if (!Buf)
    return createStringError(
        Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  StringRef Text = (*Buf)->getBuffer();
  nlohmann::json Root = nlohmann::json::parse(Text.begin(), Text.end(), nullptr,
                                              /*allow_exceptions=*/false);
  if (Root.is_discarded() || !Root.is_object())
    return createStringError(Path + ": not a JSON object");
  return Root;
}

} // namespace brisk
