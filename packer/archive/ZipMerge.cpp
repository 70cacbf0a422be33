//===- ZipMerge.cpp - One zip from zips of consecutive runs of its entries ===//

#include "archive/ZipMerge.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/SHA256.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace llvm;
using support::endian::read16le;
using support::endian::read32le;
using support::endian::write16le;
using support::endian::write32le;

namespace brisk {

std::vector<std::vector<ZipEntry>>
splitZipEntries(std::vector<ZipEntry> Entries) {
  std::vector<std::vector<ZipEntry>> Runs(1);
  uint64_t InRun = 0;
  for (ZipEntry &E : Entries) {
    if (InRun >= ZipPartBytes) {
      Runs.emplace_back();
      InRun = 0;
    }
    InRun += E.Size;
    Runs.back().push_back(std::move(E));
  }
  // A short last run joins the one before, so that no part is tiny.
  if (Runs.size() > 1 && InRun < ZipPartBytes) {
    for (ZipEntry &E : Runs.back())
      Runs[Runs.size() - 2].push_back(std::move(E));
    Runs.pop_back();
  }
  return Runs;
}

namespace {
/// Writes to a descriptor and digests what it wrote.
struct Output {
  explicit Output(int FD) : FD(FD) {}
  int FD;
  SHA256 Hash;
  uint64_t Bytes = 0;

  Error write(StringRef Data) {
    Hash.update(Data);
    Bytes += Data.size();
    while (!Data.empty()) {
      ssize_t N = ::write(FD, Data.data(), Data.size());
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        return createStringError(
            std::error_code(errno, std::generic_category()),
            "cannot write the zip: %s", std::strerror(errno));
      Data = Data.drop_front(N);
    }
    return Error::success();
  }
};

/// Where a part's central directory is, from its end record.
struct Directory {
  uint64_t Offset = 0, Size = 0, Entries = 0;
};
} // namespace

static constexpr uint32_t EndSignature = 0x06054b50;
static constexpr uint32_t RecordSignature = 0x02014b50;
static constexpr size_t EndBytes = 22, RecordBytes = 46;

namespace {
/// A part, open for reading; closed when done.
class PartFile {
public:
  static Expected<PartFile> open(StringRef Path) {
    int FD = ::open(Path.str().c_str(), O_RDONLY | O_CLOEXEC);
    struct stat St;
    if (FD < 0 || ::fstat(FD, &St) != 0)
      return createStringError(std::error_code(errno, std::generic_category()),
                               "cannot read zip part '" + Path +
                                   "': " + std::strerror(errno));
    return PartFile(FD, St.st_size);
  }
  PartFile(PartFile &&Other) : FD(Other.FD), Size(Other.Size) { Other.FD = -1; }
  ~PartFile() {
    if (FD >= 0)
      ::close(FD);
  }

  uint64_t size() const { return Size; }
  /// Calls \p Consume with bytes [At, At + Count), a MiB at a time: parts
  /// are streamed, never held whole.
  Error read(uint64_t At, uint64_t Count,
             function_ref<Error(StringRef)> Consume) const {
    std::vector<char> Chunk(std::min<uint64_t>(Count, 1 << 20));
    while (Count) {
      ssize_t N = ::pread(FD, Chunk.data(),
                          std::min<uint64_t>(Count, Chunk.size()), At);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        return createStringError("cannot read a zip part: it changed or "
                                 "could not be read");
      if (Error E = Consume(StringRef(Chunk.data(), N)))
        return E;
      At += N;
      Count -= N;
    }
    return Error::success();
  }
  Expected<std::string> bytes(uint64_t At, uint64_t Count) const {
    std::string Out;
    if (Error E = read(At, Count, [&](StringRef Chunk) {
          Out += Chunk;
          return Error::success();
        }))
      return std::move(E);
    return Out;
  }

private:
  PartFile(int FD, uint64_t Size) : FD(FD), Size(Size) {}
  int FD;
  uint64_t Size;
};
} // namespace

static Expected<Directory> directoryOf(const PartFile &Part, StringRef Name) {
  auto Bad = [&](const char *What) {
    return createStringError("cannot join zip part '" + Name + "': " + What);
  };
  if (Part.size() < EndBytes)
    return Bad("too short");
  Expected<std::string> Tail = Part.bytes(Part.size() - EndBytes, EndBytes);
  if (!Tail)
    return Tail.takeError();
  const char *End = Tail->data();
  if (read32le(End) != EndSignature || read16le(End + 20) != 0)
    return Bad("no end of central directory record at its end");
  Directory D{read32le(End + 16), read32le(End + 12), read16le(End + 10)};
  // Zip64 parts (0xffffffff offsets) never occur below Lambda's limits.
  if (D.Offset + D.Size != Part.size() - EndBytes || D.Offset == 0xffffffff)
    return Bad("its central directory is not where its end record says");
  return D;
}

Expected<ZipDigest> mergeZipParts(ArrayRef<ZipPart> Parts, int FD) {
  Output Out(FD);
  ZipDigest Digest;
  std::vector<std::string> Records;
  std::vector<uint64_t> Bases;
  for (const ZipPart &P : Parts) {
    Expected<PartFile> Part = PartFile::open(P.Path);
    if (!Part)
      return Part.takeError();
    Expected<Directory> D = directoryOf(*Part, P.Path);
    if (!D)
      return D.takeError();
    Bases.push_back(Out.Bytes);
    if (Error E = Part->read(0, D->Offset,
                             [&](StringRef Chunk) { return Out.write(Chunk); }))
      return std::move(E);
    Expected<std::string> Listing = Part->bytes(D->Offset, D->Size);
    if (!Listing)
      return Listing.takeError();
    Records.push_back(std::move(*Listing));
    for (const auto &[Path, Bytes] : P.Digest.EntryBytes)
      Digest.EntryBytes[Path] = Bytes;
  }
  uint64_t DirectoryStart = Out.Bytes, Entries = 0;
  for (size_t I = 0; I < Parts.size(); ++I) {
    std::string &List = Records[I];
    for (size_t At = 0; At < List.size(); ++Entries) {
      if (List.size() - At < RecordBytes ||
          read32le(List.data() + At) != RecordSignature)
        return createStringError("cannot join zip part '" + Parts[I].Path +
                                 "': a damaged central directory record");
      char *R = List.data() + At;
      uint64_t Offset = uint64_t(read32le(R + 42)) + Bases[I];
      if (read32le(R + 42) == 0xffffffff || Offset >= 0xffffffff)
        return createStringError("cannot join zip part '" + Parts[I].Path +
                                 "': offsets past 4 GiB");
      write32le(R + 42, Offset);
      At +=
          RecordBytes + read16le(R + 28) + read16le(R + 30) + read16le(R + 32);
    }
    if (Error E = Out.write(List))
      return std::move(E);
  }
  if (Entries > 0xffff)
    return createStringError("cannot join zip parts: more than 65535 entries");
  char End[EndBytes] = {};
  write32le(End, EndSignature);
  write16le(End + 8, Entries);
  write16le(End + 10, Entries);
  write32le(End + 12, Out.Bytes - DirectoryStart);
  write32le(End + 16, DirectoryStart);
  if (Error E = Out.write(StringRef(End, EndBytes)))
    return std::move(E);
  Digest.Bytes = Out.Bytes;
  Digest.Sha256 = Out.Hash.final();
  return Digest;
}

} // namespace brisk
