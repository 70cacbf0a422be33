//===- SuppressionTest.cpp - NOLINT comments ------------------------------===//

#include "report/Suppressions.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

TEST(SuppressionTest, SameLineForms) {
  auto S = FileSuppressions::parse(
      "/f.cpp", "a; // NOLINT\n"
                "b; // NOLINT(brisk-init-in-handler)\n"
                "c; // NOLINT(brisk-*)\n"
                "d; // NOLINT(bugprone-*, readability-x)\n"
                "e; // NOLINT()\n"
                "f;\n"
                "g; // NOLINT(brisk-stateful-global,brisk-init-*)\n"
                "h; // NOLINTFOO\n"
                "i; // NOLINT(brisk-init-in-handler\n");
  EXPECT_TRUE(S.suppresses("init-in-handler", 1));
  EXPECT_TRUE(S.suppresses("init-in-handler", 2));
  EXPECT_FALSE(S.suppresses("stateful-global", 2));
  EXPECT_TRUE(S.suppresses("stateful-global", 3));
  EXPECT_FALSE(S.suppresses("init-in-handler", 4));
  EXPECT_FALSE(S.suppresses("init-in-handler", 5));
  EXPECT_FALSE(S.suppresses("init-in-handler", 6));
  EXPECT_TRUE(S.suppresses("init-in-handler", 7));
  EXPECT_FALSE(S.suppresses("init-in-handler", 8));
  EXPECT_FALSE(S.suppresses("init-in-handler", 9));
  EXPECT_TRUE(S.unpaired().empty());
}

TEST(SuppressionTest, NextLine) {
  auto S = FileSuppressions::parse("/f.cpp",
                                   "// NOLINTNEXTLINE(brisk-init-in-handler)\n"
                                   "x;\n"
                                   "y;\n");
  EXPECT_FALSE(S.suppresses("init-in-handler", 1));
  EXPECT_TRUE(S.suppresses("init-in-handler", 2));
  EXPECT_FALSE(S.suppresses("init-in-handler", 3));
}

TEST(SuppressionTest, BeginEndRegionsPairByList) {
  auto S = FileSuppressions::parse("/f.cpp", "// NOLINTBEGIN(brisk-*)\n"
                                             "a;\n"
                                             "// NOLINTBEGIN\n"
                                             "b;\n"
                                             "// NOLINTEND\n"
                                             "c;\n"
                                             "// NOLINTEND(brisk-*)\n"
                                             "d;\n");
  EXPECT_TRUE(S.suppresses("init-in-handler", 2));
  EXPECT_TRUE(S.suppresses("init-in-handler", 4));
  EXPECT_TRUE(S.suppresses("init-in-handler", 6));
  EXPECT_FALSE(S.suppresses("init-in-handler", 8));
  EXPECT_TRUE(S.unpaired().empty());
}

TEST(SuppressionTest, UnpairedBeginAndEndAreErrorsAndSuppressNothing) {
  auto S = FileSuppressions::parse("/f.cpp",
                                   "x; // NOLINTEND(brisk-*)\n"
                                   "  // NOLINTBEGIN(brisk-init-in-handler)\n"
                                   "y;\n"
                                   "// NOLINTEND(brisk-*)\n");
  EXPECT_FALSE(S.suppresses("init-in-handler", 3));
  ASSERT_EQ(S.unpaired().size(), 3u);
  const Finding &End = S.unpaired()[0];
  EXPECT_EQ(End.Rule, "nolint");
  EXPECT_EQ(End.Level, Severity::Error);
  EXPECT_EQ(End.Loc, (SourceLoc{"/f.cpp", 1, 7}));
  EXPECT_EQ(End.Message, "unmatched 'NOLINTEND' comment without a previous "
                         "'NOLINTBEGIN' comment");
  EXPECT_EQ(S.unpaired()[1].Loc, (SourceLoc{"/f.cpp", 4, 4}));
  const Finding &Begin = S.unpaired()[2];
  EXPECT_EQ(Begin.Loc, (SourceLoc{"/f.cpp", 2, 6}));
  EXPECT_EQ(Begin.Message, "unmatched 'NOLINTBEGIN' comment without a "
                           "subsequent 'NOLINTEND' comment");
}

} // namespace
