//===- Baseline.cpp - Report only findings that are new -------------------===//

#include "report/Baseline.h"

#include "report/Fingerprint.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace brisk {

namespace {

using ordered_json = nlohmann::ordered_json;

/// (rule, file, fingerprint): what identifies a finding across edits.
using Key = std::tuple<std::string, std::string, std::string>;

Key keyOf(const Finding &F, llvm::StringRef Root, SourceFiles &Sources) {
  return {F.Rule, relativeToRoot(F.Loc.File, Root), lineHash(F, Sources)};
}

llvm::Error malformed(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "baseline '" + Path + "': " + What);
}

} // namespace

llvm::Error writeBaseline(llvm::ArrayRef<Finding> Findings,
                          llvm::StringRef SourceRoot, SourceFiles &Sources,
                          llvm::StringRef Path) {
  std::vector<std::pair<Key, std::string>> Entries;
  for (const Finding &F : Findings)
    Entries.push_back({keyOf(F, SourceRoot, Sources), F.Message});
  std::sort(Entries.begin(), Entries.end());
  ordered_json List = ordered_json::array();
  for (const auto &[K, Message] : Entries)
    List.push_back({{"rule", std::get<0>(K)},
                    {"file", std::get<1>(K)},
                    {"fingerprint", std::get<2>(K)},
                    {"message", Message}});
  ordered_json Doc = {{"version", 1}, {"findings", std::move(List)}};
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Doc.dump(2, ' ', false, ordered_json::error_handler_t::replace)
       << "\n";
    return llvm::Error::success();
  });
}

llvm::Expected<unsigned> applyBaseline(std::vector<Finding> &Findings,
                                       llvm::StringRef SourceRoot,
                                       SourceFiles &Sources,
                                       llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return malformed(Path, "cannot read: " + Buf.getError().message());
  llvm::StringRef Text = (*Buf)->getBuffer();
  auto Doc = ordered_json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.is_object())
    return malformed(Path, "not a JSON object");
  if (!Doc.contains("version") || Doc["version"] != 1)
    return malformed(Path, "unsupported \"version\" (expected 1)");
  if (!Doc.contains("findings") || !Doc["findings"].is_array())
    return malformed(Path, "\"findings\" must be an array");
  std::map<Key, unsigned> Known;
  for (const auto &E : Doc["findings"]) {
    if (!E.is_object())
      return malformed(Path, "each finding must be an object");
    for (const char *Field : {"rule", "file", "fingerprint"})
      if (!E.contains(Field) || !E[Field].is_string())
        return malformed(Path, llvm::Twine("a finding lacks \"") + Field +
                                   "\" (a string)");
    ++Known[{E["rule"].get<std::string>(), E["file"].get<std::string>(),
             E["fingerprint"].get<std::string>()}];
  }
  unsigned Removed = 0;
  std::erase_if(Findings, [&](const Finding &F) {
    auto It = Known.find(keyOf(F, SourceRoot, Sources));
    if (It == Known.end() || It->second == 0)
      return false;
    --It->second;
    ++Removed;
    return true;
  });
  return Removed;
}

} // namespace brisk
