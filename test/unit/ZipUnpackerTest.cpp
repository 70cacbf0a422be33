//===- ZipUnpackerTest.cpp - verify unpacks hostile zips safely -----------===//

#include "verify/ZipUnpacker.h"

#include "PackerFixtureDir.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

struct Entry {
  std::string Name;
  std::string Data;     // contents, or the target of a symlink
  unsigned Mode = 0644; // with AE_IFLNK for a symlink, AE_IFDIR for a folder
  unsigned Type = AE_IFREG;
};

/// A zip holding exactly \p Entries, hostile names included.
void writeZip(const std::string &Path, const std::vector<Entry> &Entries) {
  struct archive *A = archive_write_new();
  archive_write_set_format_zip(A);
  ASSERT_EQ(archive_write_open_filename(A, Path.c_str()), ARCHIVE_OK);
  for (const Entry &E : Entries) {
    struct archive_entry *AE = archive_entry_new();
    archive_entry_set_pathname(AE, E.Name.c_str());
    archive_entry_set_filetype(AE, E.Type);
    archive_entry_set_perm(AE, E.Mode);
    if (E.Type == AE_IFLNK)
      archive_entry_set_symlink(AE, E.Data.c_str());
    else if (E.Type == AE_IFREG)
      archive_entry_set_size(AE, E.Data.size());
    archive_write_header(A, AE);
    if (E.Type == AE_IFREG)
      archive_write_data(A, E.Data.data(), E.Data.size());
    archive_entry_free(AE);
  }
  archive_write_close(A);
  archive_write_free(A);
}

class ZipUnpackerTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::create_directory(Dir.path("tree")));
  }

  /// Unpacks a zip of \p Entries into tree/, returning the error text.
  std::string unpack(const std::vector<Entry> &Entries,
                     uint64_t Bytes = 1 << 20, uint64_t Count = 100) {
    writeZip(Dir.path("in.zip"), Entries);
    UnpackBudget Budget{Bytes, Count};
    Error E = unpackZip(Dir.path("in.zip"), Dir.path("tree"), Budget);
    return E ? toString(std::move(E)) : "";
  }

  FixtureDir Dir{"zip-unpacker"};
};

TEST_F(ZipUnpackerTest, UnpacksFilesFoldersAndLinksWithTheirModes) {
  EXPECT_EQ(unpack({{"bootstrap", "#!/bin/sh\n", 0755},
                    {"lib/libx.so.1.2", "elf", 0644},
                    {"lib/libx.so.1", "libx.so.1.2", 0777, AE_IFLNK},
                    {"empty", "", 0755, AE_IFDIR},
                    {"secret", "s", 0600}}),
            "");
  EXPECT_EQ(Dir.read("tree/bootstrap"), "#!/bin/sh\n");
  EXPECT_EQ(Dir.read("tree/lib/libx.so.1"), "elf");
  struct stat St;
  ASSERT_EQ(stat(Dir.path("tree/bootstrap").c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0755u);
  ASSERT_EQ(stat(Dir.path("tree/secret").c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0600u); // as on Lambda: unreadable to others
  ASSERT_EQ(lstat(Dir.path("tree/lib/libx.so.1").c_str(), &St), 0);
  EXPECT_TRUE(S_ISLNK(St.st_mode));
  EXPECT_TRUE(sys::fs::is_directory(Dir.path("tree/empty")));
}

TEST_F(ZipUnpackerTest, ALaterZipReplacesAnEarlierOnesFiles) {
  ASSERT_EQ(unpack({{"python/m.py", "one"}, {"bin/tool", "x", 0755}}), "");
  ASSERT_EQ(unpack({{"python/m.py", "two"}}), "");
  EXPECT_EQ(Dir.read("tree/python/m.py"), "two");
  EXPECT_EQ(Dir.read("tree/bin/tool"), "x");
  EXPECT_NE(unpack({{"python", "a file where a folder was"}}), "");
}

TEST_F(ZipUnpackerTest, RefusesEntriesThatLeaveTheTree) {
  std::string Zip = Dir.path("in.zip");
  EXPECT_EQ(unpack({{"../escape", "x"}}),
            Zip + ": path '../escape' climbs out with '..'");
  EXPECT_EQ(unpack({{"/etc/passwd", "x"}}),
            Zip + ": absolute path '/etc/passwd' in input");
  EXPECT_EQ(unpack({{"up", "../..", 0777, AE_IFLNK}}),
            Zip + ": symlink 'up' -> '../..' leaves the tree");
  EXPECT_EQ(unpack({{"abs", "/etc", 0777, AE_IFLNK}}),
            Zip +
                ": symlink 'abs' points to absolute '/etc', outside the tree");
  EXPECT_FALSE(sys::fs::exists(Dir.path("escape")));
}

TEST_F(ZipUnpackerTest, NeverWritesThroughALink) {
  // A link that stays inside the tree by itself, and then a file under it:
  // chained links could lead out, so no entry may pass through a link.
  EXPECT_EQ(unpack({{"d/e/s", "..", 0777, AE_IFLNK}, {"d/e/s/f", "x"}}),
            Dir.path("in.zip") +
                ": entry 'd/e/s/f' lies under a symlink; it would be written "
                "through it");
}

// (libarchive's zip reader turns fifos and devices into regular files, so
// there is no special file to refuse.)
TEST_F(ZipUnpackerTest, RefusesBombs) {
  EXPECT_EQ(unpack({{"big", std::string(5000, 'x')}}, /*Bytes=*/4096),
            Dir.path("in.zip") +
                ": unpacks to more than Lambda's unzipped limit for a "
                "function and its layers");
  EXPECT_EQ(unpack({{"a", "1"}, {"b", "2"}, {"c", "3"}}, 1 << 20, /*Count=*/2),
            Dir.path("in.zip") + ": has more entries than verify unpacks");
}

TEST_F(ZipUnpackerTest, ACorruptZipIsAnError) {
  Dir.write("in.zip", "PK\x03\x04 not really a zip");
  UnpackBudget Budget{1 << 20, 100};
  Error E = unpackZip(Dir.path("in.zip"), Dir.path("tree"), Budget);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(toString(std::move(E)).find(Dir.path("in.zip")), std::string::npos);
}

} // namespace
