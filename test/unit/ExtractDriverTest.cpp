//===- ExtractDriverTest.cpp - Many TUs from a compilation database -------===//

#include "ExtractTestSupport.h"
#include "extract/SummaryIO.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace brisk;
using namespace brisk::test;

namespace {

class ExtractDriver : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("brisk-extract", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const std::string &Name, const std::string &Text) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return std::string(Path);
  }

  std::unique_ptr<clang::tooling::CompilationDatabase>
  database(const std::vector<std::string> &Files,
           const std::string &ExtraFlag = "-std=c++17") {
    std::string Json = "[";
    for (const std::string &F : Files) {
      if (Json.size() > 1)
        Json += ",";
      // A g++ database: relative file names, output and a gcc-only flag.
      Json += "{\"directory\": \"" + std::string(Dir) +
              "\", \"arguments\": [\"g++\", \"" + ExtraFlag +
              "\", \"-fno-canonical-system-headers\", \"-c\", \"" +
              llvm::sys::path::filename(F).str() + "\", \"-o\", \"x.o\"], " +
              "\"file\": \"" + F + "\"}";
    }
    Json += "]";
    std::string Error;
    auto DB = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
        Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    EXPECT_TRUE(DB) << Error;
    return DB;
  }

  llvm::SmallString<128> Dir;
};

TEST_F(ExtractDriver, OrderAndContentDoNotDependOnThreads) {
  std::vector<std::string> Files;
  for (int I = 0; I < 6; ++I)
    Files.push_back(write("tu" + std::to_string(I) + ".cpp",
                          "#include <string>\nvoid f" +
                              std::to_string((I + 1) % 6) +
                              "(const std::string &);\nvoid f" +
                              std::to_string(I) + "(const std::string &S) { f" +
                              std::to_string((I + 1) % 6) + "(S); }\n"));
  auto DB = database(Files);
  ASSERT_TRUE(DB);
  std::string Serial, Parallel;
  for (unsigned Jobs : {1u, 4u}) {
    ExtractOptions Options;
    Options.Jobs = Jobs;
    Options.Data.Sites = &ourCatalog();
    auto R = extractSummaries(*DB, Files, Options);
    ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
    EXPECT_EQ(R->ParseErrors, 0u);
    ASSERT_EQ(R->Summaries.size(), Files.size());
    std::string &Out = Jobs == 1 ? Serial : Parallel;
    for (size_t I = 0; I < Files.size(); ++I) {
      EXPECT_EQ(R->Summaries[I].MainFile, Files[I]);
      ASSERT_EQ(R->Summaries[I].Functions.size(), 1u);
      EXPECT_EQ(R->Summaries[I].Functions[0].Loc.File, Files[I])
          << "locations are absolute";
      for (const FunctionSummary &F : R->Summaries[I].Functions)
        Out += F.USR + " " + F.Calls.at(0).CalleeUSR + "\n";
    }
  }
  EXPECT_EQ(Serial, Parallel);
}

TEST_F(ExtractDriver, BrokenTUsAreCountedAndOthersKeepTheirFindings) {
  std::string Good = write("good.cpp", "void helper();\nvoid good() { "
                                       "helper(); }\n");
  std::string Broken = write("broken.cpp", "#include <missing/header.h>\n"
                                           "void helper();\n"
                                           "void broken() { helper(); }\n");
  auto DB = database({Good, Broken});
  ASSERT_TRUE(DB);
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  ExtractOptions Options;
  Options.Data.Sites = &ourCatalog();
  Options.DiagOut = &OS;
  auto R = extractSummaries(*DB, {Good, Broken}, Options);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->ParseErrors, 1u);
  EXPECT_FALSE(R->Summaries[0].HadErrors);
  EXPECT_TRUE(R->Summaries[1].HadErrors);
  EXPECT_EQ(R->Summaries[1].Functions.size(), 1u) << "as far as clang got";
  // Clang's own format, with the file named as the database names it.
  EXPECT_EQ(Diags, "broken.cpp:1:10: fatal error: 'missing/header.h' file not "
                   "found\n");
}

TEST_F(ExtractDriver, WarningsUnderWerrorAreNotParseErrors) {
  std::string Warns = write("warns.cpp", "int f(int X) { int Unused; return "
                                         "X; }\n");
  auto DB = database({Warns}, "-Werror=unused-variable");
  ASSERT_TRUE(DB);
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  ExtractOptions Options;
  Options.DiagOut = &OS;
  auto R = extractSummaries(*DB, {Warns}, Options);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->ParseErrors, 0u);
  EXPECT_EQ(Diags, "");
}

TEST_F(ExtractDriver, FileMissingFromTheDatabaseIsAnError) {
  std::string Good = write("good.cpp", "void good() {}\n");
  auto DB = database({Good});
  ASSERT_TRUE(DB);
  ExtractOptions Options;
  std::string Other = std::string(Dir) + "/other.cpp";
  auto R = extractSummaries(*DB, {Good, Other}, Options);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            Other + ": not in the compilation database");
}

TEST_F(ExtractDriver, NothingParsedIsAnError) {
  std::string Bad = write("bad.cpp", "#include <nope.h>\n");
  auto DB = database({Bad});
  ASSERT_TRUE(DB);
  ExtractOptions Options;
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  Options.DiagOut = &OS;
  auto R = extractSummaries(*DB, {Bad}, Options);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "no translation unit could be parsed");
}

TEST_F(ExtractDriver, CacheReusesUnchangedTUsOnly) {
  write("shared.h", "#pragma once\nvoid helper();\n");
  std::string A =
      write("a.cpp", "#include \"shared.h\"\nvoid a() { helper(); }\n");
  std::string B = write("b.cpp", "void b() {}\n");
  std::string Broken = write("c.cpp", "#include <nope.h>\nvoid c() {}\n");
  auto DB = database({A, B, Broken});
  ASSERT_TRUE(DB);
  std::string Diags;
  llvm::raw_string_ostream OS(Diags);
  ExtractOptions Options;
  Options.Data.Sites = &ourCatalog();
  Options.DiagOut = &OS;
  Options.CacheDir = std::string(Dir) + "/.brisk-cache";
  std::vector<std::string> Files = {A, B, Broken};

  auto First = extractSummaries(*DB, Files, Options);
  ASSERT_TRUE(bool(First));
  EXPECT_EQ(First->CacheHits, 0u);
  auto Second = extractSummaries(*DB, Files, Options);
  ASSERT_TRUE(bool(Second));
  EXPECT_EQ(Second->CacheHits, 2u) << "the broken TU is parsed again";
  EXPECT_EQ(Second->ParseErrors, 1u);
  for (size_t I = 0; I < 2; ++I)
    EXPECT_EQ(summaryToJSON(Second->Summaries[I]),
              summaryToJSON(First->Summaries[I]));
  size_t Shown = 0;
  for (size_t P = Diags.find("fatal error"); P != std::string::npos;
       P = Diags.find("fatal error", P + 1))
    ++Shown;
  EXPECT_EQ(Shown, 2u) << "its error is shown on both runs: " << Diags;

  // Editing a header a TU includes invalidates that TU only.
  write("shared.h", "#pragma once\nvoid helper();\nvoid other();\n");
  auto Third = extractSummaries(*DB, Files, Options);
  ASSERT_TRUE(bool(Third));
  EXPECT_EQ(Third->CacheHits, 1u);

  // A different catalogue makes every entry stale.
  SiteCatalog Other = ourCatalog();
  ASSERT_FALSE(bool(mergeSiteCatalog(
      Other, R"({"entries": [{"id": "dlopen", "disabled": true}]})", "u")));
  Options.Data.Sites = &Other;
  auto Fourth = extractSummaries(*DB, Files, Options);
  ASSERT_TRUE(bool(Fourth));
  EXPECT_EQ(Fourth->CacheHits, 0u);
}

TEST_F(ExtractDriver, CacheNoticesAChangedSystemHeader) {
  llvm::SmallString<256> Sys(Dir);
  llvm::sys::path::append(Sys, "sdk");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sys));
  write("sdk/sdk.h", "#pragma once\nvoid sdk();\n");
  std::string A = write("a.cpp", "#include <sdk.h>\nvoid a() { sdk(); }\n");
  auto DB = database({A}, "-isystem" + std::string(Sys));
  ASSERT_TRUE(DB);
  ExtractOptions Options;
  Options.Data.Sites = &ourCatalog();
  Options.CacheDir = std::string(Dir) + "/.brisk-cache";
  ASSERT_TRUE(bool(extractSummaries(*DB, {A}, Options)));
  auto Warm = extractSummaries(*DB, {A}, Options);
  ASSERT_TRUE(bool(Warm));
  EXPECT_EQ(Warm->CacheHits, 1u);

  // An SDK upgrade in place: the header's size changes.
  write("sdk/sdk.h", "#pragma once\nvoid sdk();\nvoid sdk2();\n");
  auto Upgraded = extractSummaries(*DB, {A}, Options);
  ASSERT_TRUE(bool(Upgraded));
  EXPECT_EQ(Upgraded->CacheHits, 0u);
}

} // namespace
