//===- SiteCatalogTest.cpp - Loading and extending the site catalogue -----===//

#include "catalog/SiteCatalog.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

const std::string OurFile =
    std::string(BRISK_TEST_RULES_DIR) + "/init-catalog.json";

TEST(SiteCatalog, OursCoversEveryCategoryOfTheDesign) {
  auto C = loadSiteCatalog({OurFile});
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  for (const char *Category : {"sdk-client", "sdk-lifecycle", "connection",
                               "regex", "file-load", "dynamic-library", "tls"})
    EXPECT_TRUE(llvm::any_of(C->Entries, [&](const SiteCatalogEntry &E) {
      return E.Category == Category;
    })) << Category;
  const SiteCatalogEntry *Sdk = C->find("aws-sdk-client");
  ASSERT_NE(Sdk, nullptr);
  EXPECT_EQ(Sdk->Match, MatchKind::DerivedFrom);
  EXPECT_EQ(Sdk->Name, "Aws::Client::AWSClient");
  EXPECT_EQ(Sdk->Kind, SiteKind::Construct);
  const SiteCatalogEntry *Regex = C->find("std-regex");
  ASSERT_NE(Regex, nullptr);
  EXPECT_EQ(Regex->Condition, HoistCondition::ConstantArgs);
  EXPECT_EQ(Regex->Args, std::vector<unsigned>{0});
  // The /tmp exclusion is data.
  const SiteCatalogEntry *Fopen = C->find("fopen-read-constant-path");
  ASSERT_NE(Fopen, nullptr);
  ASSERT_EQ(Fopen->Constraints.size(), 2u);
  EXPECT_EQ(Fopen->Constraints[0].PrefixNoneOf.front(), "/tmp/");
  EXPECT_TRUE(
      std::is_sorted(C->Entries.begin(), C->Entries.end(),
                     [](const auto &A, const auto &B) { return A.Id < B.Id; }));
}

TEST(SiteCatalog, UserFilesAddAndOverrideById) {
  auto C = loadSiteCatalog({OurFile});
  ASSERT_TRUE(bool(C));
  size_t Before = C->Entries.size();
  llvm::Error E = mergeSiteCatalog(*C, R"({"version": 1, "entries": [
      {"id": "acme-pool", "category": "connection",
       "match": {"function": "acme::Pool::connect"}, "kind": "call",
       "hoistable": "request-independent", "args": [0],
       "message": "pool", "hint": "once"},
      {"id": "dlopen", "disabled": true},
      {"id": "std-regex", "hint": "use RE2 built at init"}]})",
                                   "team.json");
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  EXPECT_EQ(C->Entries.size(), Before + 1);
  ASSERT_NE(C->find("acme-pool"), nullptr);
  EXPECT_EQ(C->find("acme-pool")->Condition,
            HoistCondition::RequestIndependent);
  EXPECT_TRUE(C->find("dlopen")->Disabled);
  // An override keeps the fields it does not mention.
  EXPECT_EQ(C->find("std-regex")->Hint, "use RE2 built at init");
  EXPECT_EQ(C->find("std-regex")->Name, "std::basic_regex");
}

std::string errorOf(llvm::StringRef Text) {
  SiteCatalog C;
  llvm::Error E = mergeSiteCatalog(C, Text, "bad.json");
  return E ? llvm::toString(std::move(E)) : "";
}

TEST(SiteCatalog, ErrorsNameTheFileAndTheProblem) {
  EXPECT_EQ(errorOf("{"), "bad.json: not valid JSON");
  EXPECT_EQ(errorOf("[]"),
            "bad.json: top level must be an object with \"entries\"");
  EXPECT_EQ(errorOf(R"({"entries": {}})"),
            "bad.json: missing array \"entries\"");
  EXPECT_EQ(errorOf(R"({"version": 2, "entries": []})"),
            "bad.json: unsupported \"version\" (expected 1)");
  EXPECT_EQ(errorOf(R"({"entries": [{"category": "tls"}]})"),
            "bad.json: entry 0: missing string \"id\"");
  EXPECT_EQ(errorOf(R"({"entries": [{"id": "x", "category": "tls",
      "match": {"function": "f"}, "kind": "spawn"}]})"),
            "bad.json: entry 'x': \"kind\" must be \"construct\" or \"call\"");
  EXPECT_EQ(errorOf(R"({"entries": [{"id": "x", "category": "tls",
      "match": {"function": "f", "class": "C"}}]})"),
            "bad.json: entry 'x': \"match\" must be an object with exactly "
            "one of \"function\", \"class\", \"derived-from\"");
  EXPECT_EQ(errorOf(R"({"entries": [{"id": "x", "category": "tls",
      "match": {"class": "C"}, "kind": "call"}]})"),
            "bad.json: entry 'x': a \"call\" on a class needs \"methods\"");
  EXPECT_EQ(errorOf(R"({"entries": [{"id": "x", "category": "tls",
      "match": {"function": "f"}, "args": [-1]}]})"),
            "bad.json: entry 'x': argument index must be an integer 0..64");
  EXPECT_EQ(errorOf(R"({"entries": [
      {"id": "x", "category": "tls", "match": {"function": "f"}},
      {"id": "x", "category": "tls", "match": {"function": "g"}}]})"),
            "bad.json: entry 'x' appears twice");
  EXPECT_EQ(
      errorOf(R"({"entries": [{"id": "x", "match": {"function": "f"}}]})"),
      "bad.json: entry 'x': missing \"category\"");
}

TEST(SiteCatalog, UnreadableFileIsAnError) {
  auto C = loadSiteCatalog({OurFile, "/nonexistent/brisk.json"});
  ASSERT_FALSE(bool(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_EQ(Msg.rfind("/nonexistent/brisk.json: cannot read: ", 0), 0u) << Msg;
}

} // namespace
