//===- SummaryCache.cpp - Reuse summaries of unchanged translation units --===//

#include "extract/SummaryCache.h"

#include "extract/SummaryIO.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace brisk {

namespace {

std::optional<std::string> hashFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return llvm::toHex(
      llvm::SHA256::hash(llvm::arrayRefFromStringRef((*Buf)->getBuffer())),
      /*LowerCase=*/true);
}

/// How a dependency is recognised as unchanged: "sha256:<hex>" of a user
/// file's content, "stat:<size>:<mtime>" of a system header.
std::optional<std::string> stampFile(llvm::StringRef Path, bool System) {
  if (!System) {
    std::optional<std::string> Hash = hashFile(Path);
    if (!Hash)
      return std::nullopt;
    return "sha256:" + *Hash;
  }
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(Path, St))
    return std::nullopt;
  return "stat:" + std::to_string(St.getSize()) + ":" +
         std::to_string(
             St.getLastModificationTime().time_since_epoch().count());
}

/// The running executable's content hash: summaries depend on the analyzer
/// that wrote them, which changes between builds of one version.
const std::string &toolFingerprint() {
  static const std::string Fingerprint = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&hashFile));
    return hashFile(Exe).value_or("unknown-executable:" + Exe);
  }();
  return Fingerprint;
}

} // namespace

SummaryCache::SummaryCache(std::string Dir, const Catalogs &Data)
    : Dir(std::move(Dir)),
      Salt(std::string("brisk " BRISK_VERSION " summary 4\n") +
           toolFingerprint() + "\n" + Data.fingerprint()) {}

std::string SummaryCache::entryPath(llvm::StringRef Directory,
                                    llvm::ArrayRef<std::string> CommandLine,
                                    llvm::StringRef File) const {
  llvm::SHA256 H;
  H.update(Salt);
  H.update(llvm::StringRef("\0", 1));
  H.update(Directory);
  for (const std::string &A : CommandLine) {
    H.update(llvm::StringRef("\0", 1));
    H.update(A);
  }
  H.update(llvm::StringRef("\0", 1));
  H.update(File);
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::toHex(H.final(), true) + ".json");
  return std::string(Path);
}

std::optional<TUSummary> SummaryCache::lookup(
    llvm::StringRef Directory, llvm::ArrayRef<std::string> CommandLine,
    llvm::StringRef File, std::vector<std::string> *UserFiles) const {
  std::string Path = entryPath(Directory, CommandLine, File);
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return std::nullopt;
  llvm::StringRef Text = (*Buf)->getBuffer();
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.is_object() || !Doc.contains("deps") ||
      !Doc["deps"].is_array() || !Doc.contains("summary") ||
      !Doc["summary"].is_string())
    return std::nullopt; // a damaged entry is a miss, never an error
  std::vector<std::string> Read;
  for (const json &D : Doc["deps"]) {
    if (!D.is_array() || D.size() != 2 || !D[0].is_string() ||
        !D[1].is_string())
      return std::nullopt;
    llvm::StringRef Stamp = D[1].get_ref<const std::string &>();
    std::optional<std::string> Now =
        stampFile(D[0].get<std::string>(), Stamp.starts_with("stat:"));
    if (!Now || *Now != Stamp)
      return std::nullopt;
    if (!Stamp.starts_with("stat:"))
      Read.push_back(D[0].get<std::string>());
  }
  auto S = summaryFromJSON(Doc["summary"].get<std::string>(), Path);
  if (!S) {
    llvm::consumeError(S.takeError());
    return std::nullopt;
  }
  if (UserFiles)
    *UserFiles = std::move(Read);
  return std::move(*S);
}

void SummaryCache::store(llvm::StringRef Directory,
                         llvm::ArrayRef<std::string> CommandLine,
                         llvm::StringRef File, const TUSummary &S,
                         llvm::ArrayRef<FileRead> Deps) const {
  json DepList = json::array();
  for (const FileRead &D : Deps) {
    std::optional<std::string> Stamp = stampFile(D.Path, D.System);
    if (!Stamp)
      return; // a dependency we cannot read cannot be validated later
    DepList.push_back(json::array({D.Path, *Stamp}));
  }
  json Doc = {{"deps", std::move(DepList)}, {"summary", summaryToJSON(S)}};
  std::string Text = Doc.dump(-1, ' ', false, json::error_handler_t::replace);
  if (llvm::sys::fs::create_directories(Dir))
    return;
  // Written to a temporary and renamed: concurrent runs never see half an
  // entry.
  llvm::Error E = llvm::writeToOutput(entryPath(Directory, CommandLine, File),
                                      [&](llvm::raw_ostream &OS) {
                                        OS << Text;
                                        return llvm::Error::success();
                                      });
  llvm::consumeError(std::move(E));
}

} // namespace brisk
