//===- ZipWriterTest.cpp - Deterministic zips -----------------------------===//

#include "archive/ZipWriter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cstdlib>
#include <ctime>

using namespace llvm;
using namespace brisk;

namespace {

ZipEntry file(std::string Path, std::string Text, bool Executable = false) {
  ZipEntry E;
  E.Path = std::move(Path);
  E.Executable = Executable;
  E.Size = Text.size();
  E.Contents = [Text](function_ref<Error(StringRef)> Consume) {
    return Consume(Text);
  };
  return E;
}

ZipEntry link(std::string Path, std::string Target) {
  ZipEntry E;
  E.Path = std::move(Path);
  E.LinkTarget = std::move(Target);
  return E;
}

// Writes the entries to a temporary file; on success Bytes holds the zip.
Expected<ZipDigest> writeTempZip(std::vector<ZipEntry> Entries, unsigned Level,
                                 std::string &Bytes) {
  int FD;
  SmallString<128> Path;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("brisk-zip-test", "zip", FD, Path))
    return errorCodeToError(EC);
  Expected<ZipDigest> Digest = writeZip(std::move(Entries), FD, Level);
  sys::Process::SafelyCloseFileDescriptor(FD);
  auto Buf = MemoryBuffer::getFile(Path);
  sys::fs::remove(Path);
  if (!Digest)
    return Digest.takeError();
  if (!Buf)
    return errorCodeToError(Buf.getError());
  Bytes = (*Buf)->getBuffer().str();
  return Digest;
}

// The zip's bytes, failing the test when writing fails.
std::string zipBytes(std::vector<ZipEntry> Entries, unsigned Level = 9) {
  std::string Bytes;
  Expected<ZipDigest> Digest = writeTempZip(std::move(Entries), Level, Bytes);
  EXPECT_TRUE(bool(Digest)) << toString(Digest.takeError());
  return Bytes;
}

struct ReadEntry {
  std::string Path;
  unsigned Mode;
  unsigned Type;
  int64_t MTime;
  int64_t Uid, Gid;
  std::string Data;
};

std::vector<ReadEntry> readZip(const std::string &Bytes) {
  std::vector<ReadEntry> Out;
  struct archive *A = archive_read_new();
  archive_read_support_format_zip(A);
  EXPECT_EQ(archive_read_open_memory(A, Bytes.data(), Bytes.size()),
            ARCHIVE_OK);
  struct archive_entry *E;
  while (archive_read_next_header(A, &E) == ARCHIVE_OK) {
    ReadEntry R{archive_entry_pathname(E),
                archive_entry_perm(E),
                archive_entry_filetype(E),
                archive_entry_mtime(E),
                archive_entry_uid(E),
                archive_entry_gid(E),
                ""};
    if (R.Type == AE_IFLNK)
      R.Data = archive_entry_symlink(E);
    char Buf[4096];
    for (la_ssize_t N; (N = archive_read_data(A, Buf, sizeof Buf)) > 0;)
      R.Data.append(Buf, N);
    Out.push_back(R);
  }
  archive_read_free(A);
  return Out;
}

std::vector<ZipEntry> sample() {
  std::vector<ZipEntry> Entries;
  Entries.push_back(file("lib/libx.so.1.0", std::string(5000, 'x'), true));
  Entries.push_back(file("bootstrap", "#!/bin/sh\n", true));
  Entries.push_back(link("lib/libx.so.1", "libx.so.1.0"));
  Entries.push_back(file("data/deep/config.json", "{}\n"));
  return Entries;
}

TEST(ZipWriterTest, EntriesAreSortedWithFoldersFixedTimesAndModes) {
  std::vector<ReadEntry> Entries = readZip(zipBytes(sample()));
  std::vector<std::string> Paths;
  for (const ReadEntry &E : Entries)
    Paths.push_back(E.Path);
  EXPECT_EQ(Paths,
            (std::vector<std::string>{"bootstrap", "data/", "data/deep/",
                                      "data/deep/config.json", "lib/",
                                      "lib/libx.so.1", "lib/libx.so.1.0"}));
  for (const ReadEntry &E : Entries) {
    EXPECT_EQ(E.MTime, ZipFixedTime) << E.Path;
    EXPECT_EQ(E.Uid, 0) << E.Path;
    EXPECT_EQ(E.Gid, 0) << E.Path;
    if (E.Type == AE_IFDIR) {
      EXPECT_EQ(E.Mode, 0755u) << E.Path;
    }
  }
  EXPECT_EQ(Entries[0].Mode, 0755u);
  EXPECT_EQ(Entries[0].Data, "#!/bin/sh\n");
  EXPECT_EQ(Entries[3].Mode, 0644u);
  EXPECT_EQ(Entries[5].Type, unsigned(AE_IFLNK));
  EXPECT_EQ(Entries[5].Data, "libx.so.1.0");
  EXPECT_EQ(Entries[6].Data, std::string(5000, 'x'));
}

TEST(ZipWriterTest, SameBytesWhateverOrderAndTimeZone) {
  std::string First = zipBytes(sample());
  std::vector<ZipEntry> Reversed = sample();
  std::reverse(Reversed.begin(), Reversed.end());
  const char *Old = std::getenv("TZ");
  std::string Saved = Old ? Old : "";
  setenv("TZ", "Pacific/Kiritimati", 1);
  tzset();
  std::string Second = zipBytes(std::move(Reversed));
  // The writer puts the caller's time zone back.
  EXPECT_STREQ(std::getenv("TZ"), "Pacific/Kiritimati");
  if (Old)
    setenv("TZ", Saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  EXPECT_EQ(First, Second);
}

TEST(ZipWriterTest, CompressionLevelChangesSizeNotContents) {
  std::string Stored = zipBytes(sample(), 0);
  std::string Deflated = zipBytes(sample(), 9);
  EXPECT_GT(Stored.size(), Deflated.size());
  std::vector<ReadEntry> A = readZip(Stored), B = readZip(Deflated);
  ASSERT_EQ(A.size(), B.size());
  for (size_t I = 0; I < A.size(); ++I)
    EXPECT_EQ(A[I].Data, B[I].Data);
}

TEST(ZipWriterTest, DigestIsOfTheBytesWritten) {
  // Big enough to pass through libarchive's output buffer several times.
  std::vector<ZipEntry> Entries = sample();
  Entries.push_back(file("big", std::string(300000, 'b') + "end", false));
  std::string Bytes;
  Expected<ZipDigest> Digest = writeTempZip(std::move(Entries), 0, Bytes);
  ASSERT_TRUE(bool(Digest)) << toString(Digest.takeError());
  EXPECT_GT(Bytes.size(), 300000u);
  EXPECT_EQ(Digest->Bytes, Bytes.size());
  EXPECT_EQ(Digest->Sha256, SHA256::hash(arrayRefFromStringRef(Bytes)));
}

TEST(ZipWriterTest, TwoEntriesAtOnePathIsAnError) {
  std::vector<ZipEntry> Entries;
  Entries.push_back(file("a", "1"));
  Entries.push_back(file("a", "2"));
  std::string Bytes;
  Expected<ZipDigest> Digest = writeTempZip(std::move(Entries), 9, Bytes);
  ASSERT_FALSE(bool(Digest));
  EXPECT_EQ(toString(Digest.takeError()), "two files at 'a'");
}

TEST(ZipWriterTest, ContentErrorsStopTheWrite) {
  std::vector<ZipEntry> Entries;
  ZipEntry Bad;
  Bad.Path = "bad";
  Bad.Size = 1;
  Bad.Contents = [](function_ref<Error(StringRef)>) {
    return createStringError("cannot read 'bad'");
  };
  Entries.push_back(std::move(Bad));
  std::string Bytes;
  Expected<ZipDigest> Digest = writeTempZip(std::move(Entries), 9, Bytes);
  ASSERT_FALSE(bool(Digest));
  EXPECT_EQ(toString(Digest.takeError()), "cannot read 'bad'");
}

} // namespace

namespace {

TEST(ZipWriterTest, FoldersAreKeptOnceEvenWhenEmpty) {
  std::vector<ZipEntry> Entries = sample();
  for (const char *Path : {"cache", "data", "data/deep"}) {
    ZipEntry Folder;
    Folder.Path = Path;
    Folder.Folder = true;
    Entries.push_back(std::move(Folder));
  }
  std::vector<std::string> Paths;
  for (const ReadEntry &E : readZip(zipBytes(std::move(Entries))))
    Paths.push_back(E.Path + (E.Type == AE_IFDIR ? " dir" : ""));
  EXPECT_EQ(Paths, (std::vector<std::string>{
                       "bootstrap", "cache/ dir", "data/ dir", "data/deep/ dir",
                       "data/deep/config.json", "lib/ dir", "lib/libx.so.1",
                       "lib/libx.so.1.0"}));
}

TEST(ZipWriterTest, ContentsMustMatchTheDeclaredSize) {
  std::vector<ZipEntry> Entries;
  Entries.push_back(file("short", "abc"));
  Entries.back().Size = 4;
  std::string Bytes;
  Expected<ZipDigest> Digest = writeTempZip(std::move(Entries), 9, Bytes);
  ASSERT_FALSE(bool(Digest));
  EXPECT_EQ(toString(Digest.takeError()),
            "zip entry 'short' has 3 bytes, not 4");
}

} // namespace
