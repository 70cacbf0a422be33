//===- OutputStageTest.cpp - OUT_DIR replaced whole, foreign files kept --===//

#include "output/OutputStage.h"
#include "PackerFixtureDir.h"
#include "output/ForeignFiles.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <unistd.h>

using namespace llvm;
using namespace brisk;

namespace {

class OutputStageTest : public ::testing::Test, protected FixtureDir {
protected:
  OutputStageTest() : FixtureDir("brisk-output-test") {}

  void make(StringRef Relative, StringRef Text = "x") {
    ASSERT_FALSE(
        sys::fs::create_directories(sys::path::parent_path(path(Relative))));
    write(Relative, Text);
  }

  /// What this test's "manifest" says a tree holds: the lines of its
  /// record file.
  static Expected<std::vector<std::string>> owned(StringRef Tree) {
    std::vector<std::string> Files;
    auto Buf = MemoryBuffer::getFile(Tree + "/record");
    if (!Buf)
      return Files;
    SmallVector<StringRef, 8> Lines;
    (*Buf)->getBuffer().split(Lines, '\n', -1, false);
    for (StringRef L : Lines)
      Files.push_back(L.str());
    Files.push_back("record");
    return Files;
  }

  Error writeOutput(OutputStage &Stage, StringRef Rel, StringRef Text) {
    return Stage.writeFile(Rel, [&](int FD) -> Error {
      if (::write(FD, Text.data(), Text.size()) !=
          static_cast<ssize_t>(Text.size()))
        return createStringError("short write");
      return Error::success();
    });
  }
};

TEST_F(OutputStageTest, ForeignFilesAreNamedByTheirOutermostFolder) {
  make("out/record", "functions/a.zip\n");
  make("out/functions/a.zip");
  make("out/functions/notes.txt");
  make("out/docs/deep/readme");
  make("out/top.txt");
  ASSERT_FALSE(sys::fs::create_directories(path("out/empty")));
  StringSet<> Owned;
  for (const std::string &P : cantFail(owned(path("out"))))
    Owned.insert(P);
  Expected<ForeignFiles> Foreign = findForeignFiles(path("out"), Owned);
  ASSERT_TRUE(bool(Foreign)) << toString(Foreign.takeError());
  EXPECT_EQ(Foreign->Named,
            (std::vector<std::string>{"docs/", "empty/", "functions/notes.txt",
                                      "top.txt"}));
  std::vector<std::string> Carried;
  for (const TreeEntry &E : Foreign->Entries)
    Carried.push_back(E.Path);
  // functions/ holds an owned file: it comes along as a folder to share.
  EXPECT_EQ(Carried, (std::vector<std::string>{
                         "docs", "docs/deep", "docs/deep/readme", "empty",
                         "functions", "functions/notes.txt", "top.txt"}));
}

TEST_F(OutputStageTest, TheNewOutputReplacesTheOldAndKeepsForeignFiles) {
  make("out/record", "functions/old.zip\n");
  make("out/functions/old.zip", "old");
  make("out/notes.txt", "mine");
  sys::fs::file_status Before;
  ASSERT_FALSE(sys::fs::status(path("out/notes.txt"), Before));
  std::vector<std::string> Warnings;
  {
    Expected<std::unique_ptr<OutputStage>> Stage =
        OutputStage::open(path("out"), "record", owned, Warnings);
    ASSERT_TRUE(bool(Stage)) << toString(Stage.takeError());
    ASSERT_FALSE(bool(writeOutput(**Stage, "functions/new.zip", "new")));
    ASSERT_FALSE(bool(writeOutput(**Stage, "record", "functions/new.zip\n")));
    // Not yet: OUT_DIR is still the old output.
    EXPECT_TRUE(sys::fs::exists(path("out/functions/old.zip")));
    ASSERT_FALSE(bool((*Stage)->commit(Warnings)));
  }
  EXPECT_FALSE(sys::fs::exists(path("out/functions/old.zip")));
  EXPECT_EQ(read("out/functions/new.zip"), "new");
  sys::fs::file_status After;
  ASSERT_FALSE(sys::fs::status(path("out/notes.txt"), After));
  EXPECT_EQ(After.getUniqueID(), Before.getUniqueID());
  EXPECT_EQ(Warnings, (std::vector<std::string>{
                          "'" + path("out") +
                          "/notes.txt' was not written by brisk-pack: left in "
                          "place"}));
  // Nothing is left beside OUT_DIR.
  std::error_code EC;
  for (sys::fs::directory_iterator It(Root, EC), End; It != End && !EC;
       It.increment(EC))
    EXPECT_FALSE(sys::path::filename(It->path()).starts_with(".out.brisk-"))
        << It->path();
}

TEST_F(OutputStageTest, WithoutCommitNothingChanges) {
  make("out/record", "");
  make("out/notes.txt", "mine");
  std::vector<std::string> Warnings;
  {
    Expected<std::unique_ptr<OutputStage>> Stage =
        OutputStage::open(path("new/deeper/out"), "record", owned, Warnings);
    ASSERT_TRUE(bool(Stage)) << toString(Stage.takeError());
    ASSERT_FALSE(bool(writeOutput(**Stage, "record", "")));
  }
  EXPECT_FALSE(sys::fs::exists(path("new")));
  {
    Expected<std::unique_ptr<OutputStage>> Stage =
        OutputStage::open(path("out"), "record", owned, Warnings);
    ASSERT_TRUE(bool(Stage));
    ASSERT_FALSE(bool(writeOutput(**Stage, "notes.txt", "theirs")));
    // A foreign file where the new output writes is never replaced.
    Error Conflict = (*Stage)->commit(Warnings);
    ASSERT_TRUE(bool(Conflict));
    EXPECT_EQ(toString(std::move(Conflict)),
              "'" + path("out") +
                  "/notes.txt' was not written by brisk-pack (its manifest "
                  "does not list it) and this run writes there: move it "
                  "away, or remove it");
  }
  EXPECT_EQ(read("out/notes.txt"), "mine");
}

TEST_F(OutputStageTest, AReplacedTreeLosesItsRecordLast) {
  // Killed while removing the old tree: whatever is left must still be
  // accounted for by its record.
  make("old/record", "functions/a.zip\nfunctions/b.zip\n");
  make("old/functions/a.zip");
  make("old/functions/b.zip");
  make("old/late.txt");
  ASSERT_FALSE(sys::fs::create_directories(path("new")));
  StringSet<> Owned;
  for (const std::string &P : cantFail(owned(path("old"))))
    Owned.insert(P);
  std::vector<std::string> Kept =
      removeReplacedTree(path("old"), path("new"), Owned, "record");
  EXPECT_EQ(Kept, std::vector<std::string>{"late.txt"});
  EXPECT_FALSE(sys::fs::exists(path("old/record")));
  EXPECT_FALSE(sys::fs::exists(path("old/functions")));
  EXPECT_TRUE(sys::fs::exists(path("old/late.txt")));
}

} // namespace
