//===- ZipMergeTest.cpp - A zip joined from parts is the zip itself -------===//

#include "archive/ZipMerge.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"

#include "gtest/gtest.h"

#include <random>

using namespace llvm;
using namespace brisk;

namespace {

// Files of pseudo-random bytes (some compressible), links and an empty
// folder: about 3.5 parts' worth.
std::vector<ZipEntry> entries() {
  std::vector<ZipEntry> Out;
  std::mt19937 Random(11);
  for (int I = 0; I < 14; ++I) {
    std::string Text(2 << 20, '\0');
    for (size_t J = 0; J < Text.size(); ++J)
      Text[J] = I % 2 ? char(Random()) : char('a' + J % 7);
    ZipEntry E;
    E.Path = "lib/part" + std::to_string(I) + ".bin";
    E.Size = Text.size();
    E.Contents = [Text](function_ref<Error(StringRef)> Consume) {
      return Consume(Text);
    };
    Out.push_back(std::move(E));
  }
  ZipEntry Link;
  Link.Path = "lib/alias.bin";
  Link.LinkTarget = "part0.bin";
  Out.push_back(std::move(Link));
  ZipEntry Folder;
  Folder.Path = "cache";
  Folder.Folder = true;
  Out.push_back(std::move(Folder));
  return Out;
}

// Runs \p Write on a temporary file and returns what it holds.
std::string written(function_ref<void(int FD)> Write,
                    std::string *Path = nullptr) {
  int FD;
  SmallString<128> File;
  EXPECT_FALSE(
      sys::fs::createTemporaryFile("brisk-merge-test", "zip", FD, File));
  Write(FD);
  sys::Process::SafelyCloseFileDescriptor(FD);
  auto Buf = MemoryBuffer::getFile(File);
  if (Path)
    *Path = File.str().str();
  else
    sys::fs::remove(File);
  return Buf ? (*Buf)->getBuffer().str() : "";
}

TEST(ZipMergeTest, JoinedPartsAreTheZipWrittenInOneGo) {
  std::string Whole = written([](int FD) {
    Expected<ZipDigest> D = writeZip(entries(), FD, 6);
    ASSERT_TRUE(bool(D)) << toString(D.takeError());
  });

  Expected<std::vector<ZipEntry>> Prepared = prepareZipEntries(entries());
  ASSERT_TRUE(bool(Prepared));
  std::vector<std::vector<ZipEntry>> Runs =
      splitZipEntries(std::move(*Prepared));
  // 28 MiB in runs of at least 8: three parts, the short last one joined.
  ASSERT_EQ(Runs.size(), 3u);
  EXPECT_EQ(Runs.front().front().Path, "cache/");
  std::vector<ZipPart> Parts;
  for (const std::vector<ZipEntry> &Run : Runs) {
    ZipPart Part;
    written(
        [&](int FD) {
          Expected<ZipDigest> D = writePreparedZip(Run, FD, 6);
          ASSERT_TRUE(bool(D)) << toString(D.takeError());
          Part.Digest = std::move(*D);
        },
        &Part.Path);
    Parts.push_back(std::move(Part));
  }
  ZipDigest Merged;
  std::string Joined = written([&](int FD) {
    Expected<ZipDigest> D = mergeZipParts(Parts, FD);
    ASSERT_TRUE(bool(D)) << toString(D.takeError());
    Merged = std::move(*D);
  });
  for (const ZipPart &P : Parts)
    sys::fs::remove(P.Path);
  EXPECT_EQ(Joined.size(), Whole.size());
  EXPECT_TRUE(Joined == Whole);
  EXPECT_EQ(Merged.Bytes, Whole.size());
  EXPECT_EQ(Merged.EntryBytes.size(), 15u);
}

TEST(ZipMergeTest, SmallZipsStayOnePart) {
  Expected<std::vector<ZipEntry>> Prepared = prepareZipEntries(entries());
  ASSERT_TRUE(bool(Prepared));
  Prepared->resize(5);
  EXPECT_EQ(splitZipEntries(std::move(*Prepared)).size(), 1u);
}

TEST(ZipMergeTest, APartThatIsNotAZipIsAnError) {
  std::string Path;
  written(
      [](int FD) { EXPECT_EQ(::write(FD, "not a zip at all, no", 20), 20); },
      &Path);
  std::string Out = written([&](int FD) {
    Expected<ZipDigest> D = mergeZipParts({ZipPart{Path, ZipDigest()}}, FD);
    ASSERT_FALSE(bool(D));
    EXPECT_EQ(toString(D.takeError()),
              "cannot join zip part '" + Path + "': too short");
  });
  sys::fs::remove(Path);
}

} // namespace
