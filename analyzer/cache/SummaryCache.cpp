//===- SummaryCache.cpp - Reuse summaries of unchanged translation units --===//
//
// An entry, once decompressed, is one line of JSON (the stamps of the files
// the TU read, whether it had errors, its diagnostics), a newline, and the
// summary as SummaryIO writes it.
//
//===----------------------------------------------------------------------===//

#include "cache/SummaryCache.h"

#include "cache/Compression.h"
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

/// No summary comes near this; a frame that claims more is damaged or
/// hostile, and is not decompressed into memory.
constexpr size_t MaxEntryBytes = size_t(1) << 30;

std::optional<std::string> hashFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return llvm::toHex(
      llvm::SHA256::hash(llvm::arrayRefFromStringRef((*Buf)->getBuffer())),
      /*LowerCase=*/true);
}

/// "sha256:<hex>" of a user file's content, "stat:<size>:<mtime>" of a
/// system header.
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

SummaryCache::SummaryCache(std::vector<std::string> Dirs, const Catalogs &Data)
    : Dirs(std::move(Dirs)),
      Salt(std::string("brisk " BRISK_VERSION " summary 5\n") +
           toolFingerprint() + "\n" + Data.fingerprint()) {}

std::vector<std::string> SummaryCache::withSubfolders(llvm::StringRef Dir) {
  std::vector<std::string> Out = {Dir.str()};
  std::vector<std::string> Subfolders;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
       It.increment(EC))
    if (It->type() == llvm::sys::fs::file_type::directory_file)
      Subfolders.push_back(It->path());
  // Directory order is the file system's; lookups must not depend on it.
  llvm::sort(Subfolders);
  Out.insert(Out.end(), Subfolders.begin(), Subfolders.end());
  return Out;
}

std::string SummaryCache::entryName(llvm::StringRef Directory,
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
  return llvm::toHex(H.final(), true) + EntrySuffix.str();
}

std::optional<std::string> SummaryCache::stamp(llvm::StringRef Path,
                                               bool System) const {
  std::string Key = (System ? "s" : "u") + Path.str();
  {
    std::lock_guard<std::mutex> Lock(StampsLock);
    if (auto It = Stamps.find(Key); It != Stamps.end())
      return It->second;
  }
  std::optional<std::string> S = stampFile(Path, System);
  std::lock_guard<std::mutex> Lock(StampsLock);
  Stamps.try_emplace(Key, S);
  return S;
}

/// Reads one entry file; nullopt for a miss of any kind.
static std::optional<std::string> readEntry(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return decompressFrame((*Buf)->getBuffer(), MaxEntryBytes);
}

std::optional<CachedTU>
SummaryCache::lookup(llvm::StringRef Directory,
                     llvm::ArrayRef<std::string> CommandLine,
                     llvm::StringRef File, bool AcceptErrors) const {
  std::string Name = entryName(Directory, CommandLine, File);
  for (const std::string &Dir : Dirs) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::optional<std::string> Text = readEntry(Path);
    if (!Text)
      continue;
    auto [HeaderText, SummaryText] = llvm::StringRef(*Text).split('\n');
    json Header =
        json::parse(HeaderText.begin(), HeaderText.end(), nullptr, false);
    if (Header.is_discarded() || !Header.is_object() ||
        !Header["deps"].is_array() || !Header["errors"].is_boolean() ||
        !Header["diagnostics"].is_string())
      continue; // a damaged entry is a miss, never an error
    if (Header["errors"].get<bool>() && !AcceptErrors)
      continue;
    bool Current = true;
    std::vector<std::string> UserFiles;
    for (const json &D : Header["deps"]) {
      if (!D.is_array() || D.size() != 2 || !D[0].is_string() ||
          !D[1].is_string()) {
        Current = false;
        break;
      }
      llvm::StringRef Stamp = D[1].get_ref<const std::string &>();
      std::optional<std::string> Now =
          stamp(D[0].get<std::string>(), Stamp.starts_with("stat:"));
      if (!Now || *Now != Stamp) {
        Current = false;
        break;
      }
      if (!Stamp.starts_with("stat:"))
        UserFiles.push_back(D[0].get<std::string>());
    }
    if (!Current)
      continue;
    auto S = summaryFromJSON(SummaryText, Path);
    if (!S) {
      llvm::consumeError(S.takeError());
      continue;
    }
    if (S->MainFile != File)
      continue;
    return CachedTU{std::move(*S), Header["diagnostics"].get<std::string>(),
                    std::move(UserFiles)};
  }
  return std::nullopt;
}

void SummaryCache::store(llvm::StringRef Directory,
                         llvm::ArrayRef<std::string> CommandLine,
                         llvm::StringRef File, const TUSummary &S,
                         llvm::StringRef Diagnostics,
                         llvm::ArrayRef<FileRead> Deps) const {
  if (Dirs.empty())
    return;
  json DepList = json::array();
  for (const FileRead &D : Deps) {
    std::optional<std::string> Stamp = stamp(D.Path, D.System);
    if (!Stamp)
      return; // a dependency we cannot read cannot be validated later
    DepList.push_back(json::array({D.Path, *Stamp}));
  }
  json Header = {{"deps", std::move(DepList)},
                 {"errors", S.HadErrors},
                 {"diagnostics", Diagnostics.str()}};
  std::string Text =
      Header.dump(-1, ' ', false, json::error_handler_t::replace) + "\n" +
      summaryToJSON(S);
  std::string Frame = compressFrame(Text);
  if (Frame.empty() || llvm::sys::fs::create_directories(Dirs.front()))
    return;
  llvm::SmallString<256> Path(Dirs.front());
  llvm::sys::path::append(Path, entryName(Directory, CommandLine, File));
  // Written to a temporary in the same folder and renamed over the entry:
  // a concurrent reader sees the old entry or the new one, and a run killed
  // midway leaves only a temporary that no lookup opens.
  llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Frame;
    return llvm::Error::success();
  });
  llvm::consumeError(std::move(E));
}

} // namespace brisk
