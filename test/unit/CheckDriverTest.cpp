//===- CheckDriverTest.cpp - Files mode, config chains, baselines, docs ---===//

#include "driver/ConfigDiscovery.h"
#include "driver/FilesMode.h"
#include "report/Baseline.h"
#include "report/Fingerprint.h"
#include "report/RuleDocs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

/// A scratch folder, removed with everything in it.
class ScratchDir {
public:
  ScratchDir() {
    llvm::SmallString<128> P;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("brisk-driver", P));
    llvm::SmallString<128> Real;
    EXPECT_FALSE(llvm::sys::fs::real_path(P, Real));
    Path = std::string(Real);
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(Path); }
  std::string file(llvm::StringRef Rel, llvm::StringRef Text) const {
    llvm::SmallString<128> P(Path);
    llvm::sys::path::append(P, Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Text;
    return std::string(P);
  }
  std::string Path;
};

TEST(FilesModeTest, HeadersSelectTheTUsThatReadThem) {
  ScratchDir D;
  std::string A = D.file("a.cpp", ""), B = D.file("b.cpp", "");
  std::string H = D.file("h.h", ""), Lone = D.file("lone.h", "");
  CanonicalPaths Paths;
  FileSelection S = selectFiles({H, Lone, D.Path + "/missing.cpp"}, {A, B},
                                {{A, H}, {B}}, Paths);
  EXPECT_FALSE(S.All);
  EXPECT_EQ(S.ReportedTUs, (std::vector<bool>{true, false}));
  EXPECT_TRUE(S.reports(H));
  EXPECT_FALSE(S.reports(A)); // the TU is reported for its errors only
  EXPECT_EQ(S.Skipped,
            (std::vector<std::string>{Lone, D.Path + "/missing.cpp"}));
}

TEST(FilesModeTest, NoFileReportsEverything) {
  CanonicalPaths Paths;
  FileSelection S = selectFiles({}, {"/x/a.cpp"}, {{"/x/a.cpp"}}, Paths);
  EXPECT_TRUE(S.All);
  EXPECT_EQ(S.ReportedTUs, std::vector<bool>{true});
  EXPECT_TRUE(S.reports("/anything.h"));
}

TEST(FilesModeTest, DotsAndSymlinksNameOneFile) {
  ScratchDir D;
  std::string A = D.file("src/a.cpp", "");
  ASSERT_FALSE(llvm::sys::fs::create_link(D.Path + "/src", D.Path + "/link"));
  CanonicalPaths Paths;
  FileSelection S =
      selectFiles({D.Path + "/link/../src/a.cpp"}, {A}, {{A}}, Paths);
  EXPECT_EQ(S.ReportedTUs, std::vector<bool>{true});
  FileSelection T = selectFiles({D.Path + "/link/a.cpp"}, {A}, {{A}}, Paths);
  EXPECT_EQ(T.ReportedTUs, std::vector<bool>{true});
}

TEST(ConfigDiscoveryTest, NearestWinsAndInheritMergesRootFirst) {
  ScratchDir D;
  D.file(".brisk.json", R"({"rules": "-*", "severity": {"a": "note"},
                           "handlers": ["root"], "max_concurrency": 4})");
  D.file("svc/.brisk.json", R"({"inherit": true, "rules": "init-in-handler",
                               "severity": {"a": "error"}})");
  D.file("tool/.brisk.json", R"({"handlers": ["tool"]})");
  std::string InSvc = D.file("svc/deep/x.cpp", "");
  std::string InTool = D.file("tool/y.cpp", "");
  ConfigDiscovery Discovery;

  auto Svc = Discovery.chainFor(InSvc);
  ASSERT_TRUE(static_cast<bool>(Svc));
  ASSERT_EQ(Svc->size(), 2u);
  EffectiveConfig E = mergeChain(*Svc);
  EXPECT_EQ(E.Sources, (std::vector<std::string>{D.Path + "/.brisk.json",
                                                 D.Path + "/svc/.brisk.json"}));
  EXPECT_EQ(E.RuleLists, (std::vector<std::string>{"-*", "init-in-handler"}));
  EXPECT_EQ(E.Severities.at("a"), "error");
  EXPECT_EQ(E.Handlers, std::vector<std::string>{"root"});
  EXPECT_EQ(E.MaxConcurrency, 4u);

  auto Tool = Discovery.chainFor(InTool);
  ASSERT_TRUE(static_cast<bool>(Tool));
  ASSERT_EQ(Tool->size(), 1u);
  EXPECT_EQ(mergeChain(*Tool).Handlers, std::vector<std::string>{"tool"});
  EXPECT_FALSE(mergeChain(*Tool).MaxConcurrency);
}

TEST(ConfigDiscoveryTest, BadFileIsAnErrorNamingIt) {
  ScratchDir D;
  std::string Bad = D.file("a/.brisk.json", R"({"inherit": "yes"})");
  ConfigDiscovery Discovery;
  auto Chain = Discovery.chainFor(D.file("a/x.cpp", ""));
  ASSERT_FALSE(static_cast<bool>(Chain));
  EXPECT_EQ(llvm::toString(Chain.takeError()),
            Bad + ": \"inherit\" must be true or false");
}

Finding finding(std::string File, unsigned Line, std::string Rule) {
  Finding F;
  F.Rule = std::move(Rule);
  F.Loc.File = std::move(File);
  F.Loc.Line = Line;
  F.Loc.Column = 3;
  F.Message = "m";
  return F;
}

TEST(BaselineTest, KnownFindingsSurviveMovedLinesAndCountCopies) {
  ScratchDir D;
  std::string Src = D.file("src/a.cpp", "int x;\nfoo();\n");
  SourceFiles Before;
  std::string Path = D.Path + "/baseline.json";
  ASSERT_FALSE(static_cast<bool>(
      writeBaseline({finding(Src, 2, "r")}, D.Path, Before, Path)));

  // The call moved down a line, and a copy of it appeared.
  D.file("src/a.cpp", "\nint x;\nfoo();\nfoo();\n");
  SourceFiles After;
  std::vector<Finding> Now = {finding(Src, 3, "r"), finding(Src, 4, "r"),
                              finding(Src, 3, "other-rule")};
  auto Removed = applyBaseline(Now, D.Path, After, Path);
  ASSERT_TRUE(static_cast<bool>(Removed));
  EXPECT_EQ(*Removed, 1u);
  ASSERT_EQ(Now.size(), 2u);
  EXPECT_EQ(Now[0].Loc.Line, 4u);
  EXPECT_EQ(Now[1].Rule, "other-rule");
}

TEST(BaselineTest, FilesAreRelativeToTheRoot) {
  EXPECT_EQ(relativeToRoot("/repo/src/a.cpp", "/repo"), "src/a.cpp");
  EXPECT_EQ(relativeToRoot("/repo/src/a.cpp", "/repo/"), "src/a.cpp");
  EXPECT_EQ(relativeToRoot("/repository/a.cpp", "/repo"), "/repository/a.cpp");
  EXPECT_EQ(relativeToRoot("/x/a.cpp", ""), "/x/a.cpp");
}

TEST(RuleDocsTest, EveryRulePageIsBuiltIn) {
  for (const char *Id :
       {"init-in-handler", "stateful-global", "unbounded-global-growth",
        "request-data-in-global", "unsynchronized-global", "exit-in-handler",
        "detached-work", "tmp-file-leak", "hardcoded-credential"}) {
    auto Page = ruleDocsPage(std::string("rules/") + Id + ".md");
    ASSERT_TRUE(Page) << Id;
    EXPECT_TRUE(Page->starts_with(std::string("# ") + Id + "\n")) << Id;
  }
  EXPECT_FALSE(ruleDocsPage("rules/no-such-rule.md"));
}

TEST(RuleDocsTest, MarkdownAsPlainText) {
  EXPECT_EQ(markdownToText("# Title\n\n**Bold** `code` and "
                           "[a link](rules/x.md).\n```cpp\nint x;\n```\n"),
            "Title\n\nBold code and a link (rules/x.md).\nint x;\n");
}

} // namespace
