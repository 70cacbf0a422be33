//===- RuleSelectionTest.cpp - --rules lists and the --config file --------===//

#include "catalog/CredentialPatterns.h"
#include "catalog/SiteCatalog.h"
#include "rules/CheckConfig.h"
#include "rules/RuleRegistry.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

const SiteCatalog Sites;
const CredentialPatterns Patterns;

std::vector<std::string> selected(std::vector<std::string> Lists,
                                  unsigned MaxConcurrency = 1) {
  auto All = createAllRules({&Sites, &Patterns, MaxConcurrency});
  auto R = selectRules(All, Lists);
  EXPECT_TRUE(static_cast<bool>(R));
  std::vector<std::string> Ids;
  if (R) {
    for (size_t I = 0; I < All.size(); ++I)
      if ((*R)[I])
        Ids.push_back(All[I]->id().str());
  } else {
    llvm::consumeError(R.takeError());
  }
  return Ids;
}

const std::vector<std::string> OnByDefault = {
    "init-in-handler", "request-data-in-global", "unbounded-global-growth",
    "stateful-global", "exit-in-handler",        "detached-work",
    "tmp-file-leak",   "hardcoded-credential"};

TEST(RuleSelectionTest, ListsEnableAndDisableByIdAndGlob) {
  EXPECT_EQ(selected({}), OnByDefault);
  EXPECT_EQ(selected({"-init-in-handler"}).size(), OnByDefault.size() - 1);
  EXPECT_TRUE(selected({"-brisk-*"}).empty());
  EXPECT_EQ(selected({"-*,init-*"}),
            (std::vector<std::string>{"init-in-handler"}));
  EXPECT_EQ(selected({"-*", "brisk-init-in-handler"}),
            (std::vector<std::string>{"init-in-handler"}));
  EXPECT_EQ(
      selected({"-*,*-global"}),
      (std::vector<std::string>{"request-data-in-global", "stateful-global"}));
}

TEST(RuleSelectionTest, UnsynchronizedGlobalNeedsConcurrency) {
  // Off at concurrency 1 whatever the lists say: there is nothing to race.
  EXPECT_EQ(selected({"unsynchronized-global"}), OnByDefault);
  std::vector<std::string> WithIt = selected({}, 8);
  ASSERT_EQ(WithIt.size(), OnByDefault.size() + 1);
  EXPECT_EQ(WithIt[4], "unsynchronized-global");
  EXPECT_EQ(selected({"-*,unsynchronized-global"}, 8),
            (std::vector<std::string>{"unsynchronized-global"}));
}

TEST(RuleSelectionTest, UnknownPlainIdIsAnError) {
  auto All = createAllRules({&Sites, &Patterns, 1});
  auto R = selectRules(All, {"init-in-handlr"});
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_EQ(llvm::toString(R.takeError()), "unknown rule 'init-in-handlr'");
}

TEST(RuleSelectionTest, GlobalWriteRulesShareAPrecedenceGroup) {
  auto P = rulePrecedence(createAllRules({&Sites, &Patterns, 2}));
  EXPECT_EQ(P["request-data-in-global"].Group, "global-write");
  EXPECT_EQ(P["stateful-global"].Group, "global-write");
  EXPECT_LT(P["request-data-in-global"].Rank,
            P["unbounded-global-growth"].Rank);
  EXPECT_LT(P["unbounded-global-growth"].Rank, P["stateful-global"].Rank);
  EXPECT_EQ(P["unsynchronized-global"].Group, "");
}

TEST(RuleSelectionTest, CanonicalIdsTakeBothSpellings) {
  auto All = createAllRules({&Sites, &Patterns, 1});
  EXPECT_EQ(cantFail(canonicalRuleId(All, "brisk-tmp-file-leak")),
            "tmp-file-leak");
  EXPECT_EQ(cantFail(canonicalRuleId(All, "tmp-file-leak")), "tmp-file-leak");
  auto Bad = canonicalRuleId(All, "tmp-leak");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "unknown rule 'tmp-leak'");
}

TEST(CheckConfigTest, ReadsEveryKey) {
  auto C = parseCheckConfig(R"({"version": 1, "handlers": ["ns::h", "g"],
                                "rules": "-*,init-in-handler",
                                "severity": {"brisk-stateful-global": "error"},
                                "max_concurrency": 8,
                                "init-catalog": [{"id": "x"}],
                                "site-catalog": [{"id": "y"}],
                                "state-catalog": {"mutexes": ["m::M"]},
                                "credential-patterns": [{"id": "z"}]})",
                            "cfg.json");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->Handlers, (std::vector<std::string>{"ns::h", "g"}));
  EXPECT_EQ(C->RuleLists, (std::vector<std::string>{"-*,init-in-handler"}));
  EXPECT_EQ(C->Severities.at("brisk-stateful-global"), "error");
  EXPECT_EQ(C->MaxConcurrency, 8u);
  EXPECT_EQ(C->CatalogDocument,
            R"({"entries":[{"id":"x"},{"id":"y"}],"version":1})");
  EXPECT_EQ(C->StateDocument, R"({"mutexes":["m::M"]})");
  EXPECT_EQ(C->CredentialDocument, R"({"patterns":[{"id":"z"}],"version":1})");
}

TEST(CheckConfigTest, RejectsUnknownKeysAndBadTypes) {
  auto Err = [](llvm::StringRef Text) {
    auto C = parseCheckConfig(Text, "cfg.json");
    return C ? std::string("ok") : llvm::toString(C.takeError());
  };
  EXPECT_EQ(Err(R"({"handler": ["h"]})"),
            "cfg.json: unknown key \"handler\" (expected version, inherit, "
            "handlers, rules, severity, max_concurrency, docs_url, "
            "init-catalog, site-catalog, state-catalog, credential-patterns)");
  EXPECT_EQ(Err(R"({"inherit": 1})"),
            "cfg.json: \"inherit\" must be true or false");
  EXPECT_EQ(Err(R"({"docs_url": ""})"),
            "cfg.json: \"docs_url\" must be a URL (a non-empty string)");
  EXPECT_EQ(Err(R"({"severity": {"x": 1}})"),
            "cfg.json: \"severity\": the severity of 'x' must be a string");
  EXPECT_EQ(Err(R"({"max_concurrency": 0})"),
            "cfg.json: \"max_concurrency\" must be a positive integer");
  EXPECT_EQ(Err(R"({"state-catalog": []})"),
            "cfg.json: \"state-catalog\" must be an object in the schema of "
            "rules/state-catalog.json");
  EXPECT_EQ(Err("{"), "cfg.json: not valid JSON");
  EXPECT_EQ(Err("[]"), "cfg.json: top level must be an object");
  EXPECT_EQ(Err(R"({"handlers": "h"})"),
            "cfg.json: \"handlers\" must be an array of strings");
  EXPECT_EQ(Err(R"({"rules": [1]})"),
            "cfg.json: \"rules\" must contain only strings");
  EXPECT_EQ(Err(R"({"version": 2})"),
            "cfg.json: unsupported \"version\" (expected 1)");
  EXPECT_EQ(Err(R"({})"), "ok");
}

} // namespace
