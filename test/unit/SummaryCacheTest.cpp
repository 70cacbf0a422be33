//===- SummaryCacheTest.cpp - Cache entries: frames, validation, errors ---===//

#include "cache/SummaryCache.h"
#include "cache/Compression.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

TEST(Compression, RoundTripsAndRejectsDamage) {
  std::string Data(10000, 'x');
  for (size_t I = 0; I < Data.size(); I += 7)
    Data[I] = char('a' + I % 26);
  std::string Frame = compressFrame(Data);
  ASSERT_FALSE(Frame.empty());
  EXPECT_LT(Frame.size(), Data.size() / 4);
  EXPECT_EQ(decompressFrame(Frame, 1 << 20), Data);

  EXPECT_EQ(decompressFrame(Frame.substr(0, Frame.size() / 2), 1 << 20),
            std::nullopt)
      << "truncated";
  std::string Flipped = Frame;
  Flipped[Flipped.size() - 6] ^= 0x10;
  EXPECT_EQ(decompressFrame(Flipped, 1 << 20), std::nullopt) << "bit flip";
  EXPECT_EQ(decompressFrame(Frame + "junk", 1 << 20), std::nullopt)
      << "trailing bytes";
  EXPECT_EQ(decompressFrame("", 1 << 20), std::nullopt);
  EXPECT_EQ(decompressFrame("not zstd at all", 1 << 20), std::nullopt);
  EXPECT_EQ(decompressFrame(Frame, 100), std::nullopt)
      << "a declared size over the bound is not decompressed";
  EXPECT_EQ(decompressFrame(compressFrame(""), 10), std::string());
}

class SummaryCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("brisk-cache", Dir));
    Source = path("main.cpp");
    write(Source, "int main() {}\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  void write(const std::string &Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  TUSummary summary(bool Errors) {
    TUSummary S;
    S.MainFile = Source;
    S.HadErrors = Errors;
    S.ErrorCount = Errors ? 1 : 0;
    return S;
  }

  llvm::SmallString<256> Dir;
  std::string Source;
  const std::vector<std::string> Command = {"clang++", "-c", "main.cpp"};
};

TEST_F(SummaryCacheTest, EntriesOfTUsWithErrorsOnlyForLinking) {
  SummaryCache Cache({path("a")}, Catalogs());
  Cache.store(Dir, Command, Source, summary(true), "main.cpp:1:1: error: x\n",
              {{Source, false}});
  EXPECT_FALSE(Cache.lookup(Dir, Command, Source, /*AcceptErrors=*/false));
  std::optional<CachedTU> Hit =
      Cache.lookup(Dir, Command, Source, /*AcceptErrors=*/true);
  ASSERT_TRUE(Hit);
  EXPECT_TRUE(Hit->Summary.HadErrors);
  EXPECT_EQ(Hit->Diagnostics, "main.cpp:1:1: error: x\n");
}

TEST_F(SummaryCacheTest, LooksInEveryFolderAndChecksStamps) {
  SummaryCache Writer({path("b")}, Catalogs());
  Writer.store(Dir, Command, Source, summary(false), "", {{Source, false}});
  SummaryCache Reader({path("a"), path("b")}, Catalogs());
  ASSERT_TRUE(Reader.lookup(Dir, Command, Source, false));

  std::vector<std::string> Other = Command;
  Other.push_back("-DX");
  EXPECT_FALSE(Reader.lookup(Dir, Other, Source, false))
      << "the command line is part of the key";
  write(Source, "int main() { return 1; }\n");
  SummaryCache Fresh({path("a"), path("b")}, Catalogs());
  EXPECT_FALSE(Fresh.lookup(Dir, Command, Source, false))
      << "the main file changed";
}

TEST_F(SummaryCacheTest, HitsListTheUserFilesRead) {
  std::string Header = path("util.h");
  std::string System = path("vector");
  write(Header, "int f();\n");
  write(System, "namespace std {}\n");
  SummaryCache Cache({path("a")}, Catalogs());
  Cache.store(Dir, Command, Source, summary(false), "",
              {{Source, false}, {System, true}, {Header, false}});
  std::optional<CachedTU> Hit = Cache.lookup(Dir, Command, Source, false);
  ASSERT_TRUE(Hit);
  EXPECT_EQ(Hit->UserFiles, (std::vector<std::string>{Source, Header}))
      << "files mode maps a header to a cached TU by these; system headers "
         "are not among them";
}

TEST_F(SummaryCacheTest, WithSubfoldersIsSorted) {
  for (const char *Name : {"s2", "s1", "s3"})
    ASSERT_FALSE(llvm::sys::fs::create_directories(path(Name)));
  write(path("entry.bsum"), "");
  EXPECT_EQ(SummaryCache::withSubfolders(Dir),
            (std::vector<std::string>{std::string(Dir), path("s1"), path("s2"),
                                      path("s3")}));
}

} // namespace
