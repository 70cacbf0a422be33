//===- RuntimeFactsTest.cpp - Managed runtimes in rules/runtimes ----------===//

#include "managed/RuntimeFacts.h"
#include "elf/RuntimeProfile.h"
#include "verify/RuntimeLaunch.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

TEST(RuntimeFacts, EveryManagedRuntimeReadsForPackingAndVerify) {
  for (StringRef Runtime :
       {"python3.9", "python3.10", "python3.11", "python3.12", "python3.13",
        "nodejs18.x", "nodejs20.x", "nodejs22.x"}) {
    SCOPED_TRACE(Runtime.str());
    Expected<RuntimeFacts> F = loadRuntimeFacts(BRISK_TEST_RULES_DIR, Runtime);
    ASSERT_TRUE(bool(F)) << toString(F.takeError());
    Expected<RuntimeLaunch> L =
        loadRuntimeLaunch(BRISK_TEST_RULES_DIR, Runtime);
    ASSERT_TRUE(bool(L)) << toString(L.takeError());
    Expected<RuntimeProfile> P =
        loadRuntimeProfile(BRISK_TEST_RULES_DIR, Runtime);
    ASSERT_TRUE(bool(P)) << toString(P.takeError());
    EXPECT_EQ(F->version(), L->LanguageVersion);
    EXPECT_EQ(F->Launch.SearchPath, L->SearchPath);
    EXPECT_FALSE(F->RuntimePackages.empty());
    if (F->Language == ManagedLanguage::Python) {
      EXPECT_EQ(F->PackageRoot, "");
      EXPECT_EQ(F->PackageLayerPath, "python");
      EXPECT_EQ(P->LayerPaths["python_site_packages"],
                "python/lib/python" + F->version() + "/site-packages");
      EXPECT_EQ(F->RuntimePackages.front().Name, "boto3");
    } else {
      EXPECT_EQ(F->PackageRoot, "node_modules");
      EXPECT_EQ(F->PackageLayerPath, "nodejs/node_modules");
      EXPECT_EQ(P->LayerPaths["nodejs_versioned"],
                "nodejs/node" + F->version() + "/node_modules");
      EXPECT_EQ(F->RuntimePackages.front().Name, "@aws-sdk/*");
    }
  }
}

TEST(RuntimeFacts, NotManagedOrMalformed) {
  auto Error = [](StringRef Json) {
    Expected<RuntimeFacts> F = parseRuntimeFacts(Json, "r.json");
    return F ? std::string("no error") : toString(F.takeError());
  };
  EXPECT_EQ(Error(R"({"name": "provided.al2023"})"),
            "r.json: 'managed' must be an object: provided.al2023 is not a "
            "managed runtime");
  EXPECT_EQ(
      Error(R"({"name": "x", "handler": "h", "managed": {"language": "ruby",
                     "version": "3", "execution_env": "e",
                     "package_root": "", "package_layer_path": "p"}})"),
      "r.json: 'managed.language' must be \"python\" or \"nodejs\"");
  EXPECT_EQ(
      Error(R"({"name": "x", "handler": "h", "managed": {"language": "python",
                     "version": "3", "execution_env": "e", "search_path": [],
                     "package_root": "", "package_layer_path": "p"},
                     "layer_paths": {}})"),
      "r.json: 'layer_paths' has no string 'p', which "
      "'managed.package_layer_path' names");
  EXPECT_EQ(Error(R"({"name": "x", "handler": "h",
                       "managed": {"language": "python"}})"),
            "r.json: 'managed.version' must be a string");
  EXPECT_EQ(
      Error(R"({"name": "x", "handler": "h", "managed": {"language": "python",
                     "version": "3", "execution_env": "e", "search_path": []}})"),
      "r.json: 'managed.package_root' must be a string");
  EXPECT_EQ(Error("[]"), "r.json: not a JSON object");
  Expected<RuntimeFacts> Unknown =
      loadRuntimeFacts(BRISK_TEST_RULES_DIR, "python2.7");
  ASSERT_FALSE(bool(Unknown));
  EXPECT_TRUE(StringRef(toString(Unknown.takeError()))
                  .starts_with("unknown runtime 'python2.7' (known: "));
}

} // namespace
