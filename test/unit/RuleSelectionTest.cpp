//===- RuleSelectionTest.cpp - --rules lists and the --config file --------===//

#include "rules/CheckConfig.h"
#include "rules/RuleRegistry.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

std::vector<std::string> selected(std::vector<std::string> Lists) {
  InitCatalog C;
  auto R = selectRules(createAllRules({&C}), Lists);
  EXPECT_TRUE(static_cast<bool>(R));
  std::vector<std::string> Ids;
  if (R)
    for (auto &Rule : *R)
      Ids.push_back(Rule->id().str());
  else
    llvm::consumeError(R.takeError());
  return Ids;
}

TEST(RuleSelectionTest, ListsEnableAndDisableByIdAndGlob) {
  std::vector<std::string> All = {"init-in-handler"};
  EXPECT_EQ(selected({}), All);
  EXPECT_TRUE(selected({"-init-in-handler"}).empty());
  EXPECT_TRUE(selected({"-brisk-*"}).empty());
  EXPECT_EQ(selected({"-*,init-*"}), All);
  EXPECT_EQ(selected({"-*", "brisk-init-in-handler"}), All);
}

TEST(RuleSelectionTest, UnknownPlainIdIsAnError) {
  InitCatalog C;
  auto R = selectRules(createAllRules({&C}), {"init-in-handlr"});
  ASSERT_FALSE(static_cast<bool>(R));
  EXPECT_EQ(llvm::toString(R.takeError()), "unknown rule 'init-in-handlr'");
}

TEST(CheckConfigTest, ReadsEveryKey) {
  auto C = parseCheckConfig(R"({"version": 1, "handlers": ["ns::h", "g"],
                                "rules": "-*,init-in-handler",
                                "init-catalog": [{"id": "x"}]})",
                            "cfg.json");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_EQ(C->Handlers, (std::vector<std::string>{"ns::h", "g"}));
  EXPECT_EQ(C->RuleLists, (std::vector<std::string>{"-*,init-in-handler"}));
  EXPECT_EQ(C->CatalogDocument, R"({"entries":[{"id":"x"}],"version":1})");
}

TEST(CheckConfigTest, RejectsUnknownKeysAndBadTypes) {
  auto Err = [](llvm::StringRef Text) {
    auto C = parseCheckConfig(Text, "cfg.json");
    return C ? std::string("ok") : llvm::toString(C.takeError());
  };
  EXPECT_EQ(Err(R"({"handler": ["h"]})"),
            "cfg.json: unknown key \"handler\" (expected version, handlers, "
            "rules, init-catalog)");
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
