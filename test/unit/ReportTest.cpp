//===- ReportTest.cpp - Text and JSON output, ordering --------------------===//

#include "report/JsonEmitter.h"
#include "report/SarifEmitter.h"
#include "report/TextEmitter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace brisk;

namespace {

Finding finding(const std::string &File, unsigned Line, unsigned Col,
                const std::string &Rule = "init-in-handler") {
  Finding F;
  F.Rule = Rule;
  F.Category = "sdk-client";
  F.Loc = {File, Line, Col};
  F.Message = "msg";
  F.Handler = "handler";
  return F;
}

TEST(ReportTest, SortsByFileLineColumnRule) {
  std::vector<Finding> F = {finding("/b.cpp", 1, 1), finding("/a.cpp", 9, 2),
                            finding("/a.cpp", 9, 1, "z"),
                            finding("/a.cpp", 9, 1, "a")};
  sortFindings(F);
  EXPECT_EQ(F[0].Rule, "a");
  EXPECT_EQ(F[1].Rule, "z");
  EXPECT_EQ(F[2].Loc.Column, 2u);
  EXPECT_EQ(F[3].Loc.File, "/b.cpp");
}

TEST(ReportTest, TextIsClangStyleWithSnippetsAndNotes) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("brisk-report", "cpp", Path));
  llvm::FileRemover Remove(Path);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "int main() {\n\tfoo(1);\n  bar();\n}\n";
  }
  Finding F = finding(std::string(Path), 2, 2);
  F.Trace.push_back({"handler", "bar", {std::string(Path), 3, 3}});
  SourceFiles Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitText({F}, Sources, OS);
  std::string P(Path);
  EXPECT_EQ(Out, P +
                     ":2:2: warning: msg [brisk-init-in-handler]\n"
                     "    2 |         foo(1);\n"
                     "      |         ^\n" +
                     P +
                     ":3:3: note: 'handler' calls 'bar' here\n"
                     "    3 |   bar();\n"
                     "      |   ^\n");
}

TEST(ReportTest, TextWithoutReadableSourceHasNoSnippet) {
  SourceFiles Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitText({finding("/nonexistent/x.cpp", 4, 7)}, Sources, OS);
  EXPECT_EQ(Out,
            "/nonexistent/x.cpp:4:7: warning: msg [brisk-init-in-handler]\n");
}

TEST(ReportTest, JsonFollowsTheSchema) {
  Finding F = finding("/src/a.cpp", 6, 3);
  F.Trace.push_back({"handler", "store", {"/src/main.cpp", 8, 22}});
  RunStats Stats{2, 1, 1, 0};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitJson({F}, Stats, OS);
  auto J = nlohmann::json::parse(Out, nullptr, false);
  ASSERT_FALSE(J.is_discarded());
  EXPECT_EQ(J["version"], 1);
  EXPECT_EQ(J["tool"]["name"], "brisk-check");
  EXPECT_EQ(J["tool"]["version"], "0.1.0");
  auto &G = J["findings"][0];
  EXPECT_EQ(G["rule"], "init-in-handler");
  EXPECT_EQ(G["severity"], "warning");
  EXPECT_EQ(G["category"], "sdk-client");
  EXPECT_EQ(G["file"], "/src/a.cpp");
  EXPECT_EQ(G["line"], 6);
  EXPECT_EQ(G["column"], 3);
  EXPECT_EQ(G["handler"], "handler");
  EXPECT_EQ(G["trace"][0], nlohmann::json({{"function", "handler"},
                                           {"file", "/src/main.cpp"},
                                           {"line", 8},
                                           {"column", 22}}));
  EXPECT_EQ(J["stats"], nlohmann::json({{"translation_units", 2},
                                        {"parse_errors", 1},
                                        {"handlers", 1},
                                        {"cache_hits", 0},
                                        {"untraced_calls", 0}}));
  // Keys keep the documented order.
  EXPECT_LT(Out.find("\"version\""), Out.find("\"tool\""));
  EXPECT_LT(Out.find("\"rule\""), Out.find("\"severity\""));
  EXPECT_LT(Out.find("\"findings\""), Out.find("\"stats\""));
}

TEST(ReportTest, SarifHasRulesResultsFingerprintsAndCodeFlows) {
  Finding F = finding("/repo/src/a b.cpp", 6, 3);
  F.Trace.push_back({"handler", "store", {"/repo/src/main.cpp", 8, 22}});
  Finding Outside = finding("/elsewhere/x.cpp", 1, 1);
  RuleDescription R{
      "init-in-handler",          Severity::Warning, "short", "long",
      "rules/init-in-handler.md", "# page\n",        "page\n"};
  SourceFiles Sources;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitSarif({F, F, Outside}, {R}, "/repo", "", Sources, OS);
  auto J = nlohmann::json::parse(Out, nullptr, false);
  ASSERT_FALSE(J.is_discarded());
  EXPECT_EQ(J["version"], "2.1.0");
  auto &Run = J["runs"][0];
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  auto &Rule = Run["tool"]["driver"]["rules"][0];
  EXPECT_EQ(Rule["id"], "init-in-handler");
  EXPECT_EQ(Rule["shortDescription"]["text"], "short");
  EXPECT_EQ(Rule["fullDescription"]["text"], "long");
  EXPECT_EQ(Rule["help"]["markdown"], "# page\n");
  EXPECT_EQ(Rule["help"]["text"], "page\n");
  // No base URL, no link: a path in brisk's repository means nothing to
  // code scanning.
  EXPECT_FALSE(Rule.contains("helpUri"));
  EXPECT_EQ(Rule["defaultConfiguration"]["level"], "warning");
  auto &Result = Run["results"][0];
  EXPECT_EQ(Result["ruleId"], "init-in-handler");
  EXPECT_EQ(Result["ruleIndex"], 0);
  EXPECT_EQ(Result["level"], "warning");
  EXPECT_EQ(Result["message"]["text"], "msg");
  auto &Loc = Result["locations"][0]["physicalLocation"];
  EXPECT_EQ(Loc["artifactLocation"]["uri"], "src/a%20b.cpp");
  EXPECT_EQ(Loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(Loc["region"]["startLine"], 6);
  EXPECT_EQ(Loc["region"]["startColumn"], 3);
  std::string Hash = Result["partialFingerprints"]["primaryLocationLineHash"];
  EXPECT_EQ(Hash.substr(Hash.size() - 2), ":1");
  std::string Second =
      Run["results"][1]["partialFingerprints"]["primaryLocationLineHash"];
  EXPECT_EQ(Second, Hash.substr(0, Hash.size() - 2) + ":2");
  auto &Steps = Result["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_EQ(Steps[0]["location"]["message"]["text"], "'handler' calls 'store'");
  EXPECT_EQ(Steps[0]["location"]["physicalLocation"]["artifactLocation"]["uri"],
            "src/main.cpp");
  EXPECT_EQ(Steps[1]["location"]["physicalLocation"]["region"]["startLine"], 6);
  auto &Far = Run["results"][2]["locations"][0]["physicalLocation"];
  EXPECT_EQ(Far["artifactLocation"]["uri"], "file:///elsewhere/x.cpp");
  EXPECT_FALSE(Far["artifactLocation"].contains("uriBaseId"));
  EXPECT_FALSE(Run["results"][2].contains("codeFlows"));

  std::string Linked;
  llvm::raw_string_ostream LinkedOS(Linked);
  emitSarif({F}, {R}, "/repo", "https://x.test/docs", Sources, LinkedOS);
  auto L = nlohmann::json::parse(Linked, nullptr, false);
  EXPECT_EQ(L["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"],
            "https://x.test/docs/rules/init-in-handler.md");
}

} // namespace
