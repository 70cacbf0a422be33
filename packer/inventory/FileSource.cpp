//===- FileSource.cpp - Where the bytes of a file are ---------------------===//

#include "inventory/FileSource.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace llvm;

namespace brisk {

static Error sourceError(const FileSource &Source, const Twine &What) {
  return createStringError("cannot read '" + Source.Path + "': " + What);
}

namespace {
/// An open descriptor on a source, checked to hold the whole region.
class OpenSource {
public:
  static Expected<OpenSource> open(const FileSource &Source) {
    int FD = ::open(Source.Path.c_str(), O_RDONLY | O_CLOEXEC);
    if (FD < 0)
      return sourceError(Source, std::strerror(errno));
    OpenSource Open(FD);
    struct stat St;
    if (::fstat(FD, &St) != 0)
      return sourceError(Source, std::strerror(errno));
    if (static_cast<uint64_t>(St.st_size) < Source.Offset + Source.Size)
      return sourceError(Source, "it changed while brisk-pack was reading it");
    return Open;
  }
  OpenSource(OpenSource &&Other) : FD(Other.FD) { Other.FD = -1; }
  ~OpenSource() {
    if (FD >= 0)
      ::close(FD);
  }
  int fd() const { return FD; }

private:
  explicit OpenSource(int FD) : FD(FD) {}
  int FD;
};
} // namespace

static Expected<size_t> readAt(const FileSource &Source, int FD, char *Into,
                               size_t Count, uint64_t At) {
  size_t Done = 0;
  while (Done < Count) {
    ssize_t N = ::pread(FD, Into + Done, Count - Done, At + Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return sourceError(Source, std::strerror(errno));
    if (N == 0)
      break;
    Done += N;
  }
  return Done;
}

Error readSource(const FileSource &Source,
                 function_ref<Error(StringRef)> Consume) {
  Expected<OpenSource> Open = OpenSource::open(Source);
  if (!Open)
    return Open.takeError();
  constexpr size_t ChunkSize = 1 << 20;
  std::vector<char> Chunk(std::min<uint64_t>(ChunkSize, Source.Size));
  for (uint64_t Done = 0; Done < Source.Size;) {
    size_t Want = std::min<uint64_t>(Chunk.size(), Source.Size - Done);
    Expected<size_t> Got =
        readAt(Source, Open->fd(), Chunk.data(), Want, Source.Offset + Done);
    if (!Got)
      return Got.takeError();
    if (*Got != Want)
      return sourceError(Source, "it changed while brisk-pack was reading it");
    if (Error E = Consume(StringRef(Chunk.data(), Want)))
      return E;
    Done += Want;
  }
  return Error::success();
}

Expected<std::string> peekSource(const FileSource &Source, size_t Count) {
  Expected<OpenSource> Open = OpenSource::open(Source);
  if (!Open)
    return Open.takeError();
  std::string Bytes(std::min<uint64_t>(Count, Source.Size), '\0');
  Expected<size_t> Got =
      readAt(Source, Open->fd(), Bytes.data(), Bytes.size(), Source.Offset);
  if (!Got)
    return Got.takeError();
  Bytes.resize(*Got);
  return Bytes;
}

Expected<std::unique_ptr<MemoryBuffer>> mapSource(const FileSource &Source,
                                                  StringRef Name) {
  Expected<OpenSource> Open = OpenSource::open(Source);
  if (!Open)
    return Open.takeError();
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getOpenFileSlice(
      Open->fd(), Name, Source.Size, Source.Offset);
  if (!Buf)
    return sourceError(Source, Buf.getError().message());
  return std::move(*Buf);
}

Expected<FileSource> spoolBytes(StringRef Dir, StringRef Bytes) {
  int FD;
  SmallString<256> Path;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Dir + "/spool-%%%%%%%%", FD, Path))
    return createStringError(EC, "cannot create a file in '" + Dir +
                                     "': " + EC.message());
  for (size_t Done = 0; Done < Bytes.size();) {
    ssize_t N = ::write(FD, Bytes.data() + Done, Bytes.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0) {
      std::error_code EC(errno, std::generic_category());
      ::close(FD);
      return createStringError(EC,
                               "cannot write '" + Path + "': " + EC.message());
    }
    Done += N;
  }
  ::close(FD);
  return FileSource{Path.str().str(), 0, Bytes.size()};
}

} // namespace brisk
