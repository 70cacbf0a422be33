//===- PrunerTest.cpp - What --prune removes, and what it never does ------===//

#include "ManagedTreeFixture.h"

#include "managed/InstalledPackages.h"
#include "managed/Pruner.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

struct Pruned {
  std::vector<std::string> Files;   // recorded, "path:rule"
  std::vector<std::string> Removed; // every entry removed, folders too
};

Pruned prune(const ManagedTree &T, StringRef Runtime, PruneSettings Settings,
             ArrayRef<std::pair<std::string, std::string>> Users = {}) {
  FunctionPlan Plan = T.plan();
  TreeIndex Tree(Plan.Files);
  RuntimeFacts Facts = ManagedTree::facts(Runtime);
  Expected<PackageIndex> Packages = indexPackages(Tree, Facts);
  EXPECT_TRUE(bool(Packages));
  std::string Name =
      Facts.Language == ManagedLanguage::Python ? "python" : "node";
  Expected<PruneProfile> Profile =
      loadPruneProfile(BRISK_TEST_RULES_DIR, Facts.Language, {});
  if (!Users.empty()) {
    auto Ours = MemoryBuffer::getFile(std::string(BRISK_TEST_RULES_DIR) +
                                      "/prune/" + Name + ".json");
    Profile = parsePruneProfile((*Ours)->getBuffer(), "ours", Users);
  }
  EXPECT_TRUE(bool(Profile)) << (Profile ? "" : toString(Profile.takeError()));
  std::vector<bool> Remove;
  Pruned Out;
  for (const PruneRecord &R : choosePruned(Tree, *Packages, Facts.Language,
                                           *Profile, Settings, Remove))
    Out.Files.push_back(R.Path + ":" + R.Rule);
  for (size_t I = 0; I < Remove.size(); ++I)
    if (Remove[I])
      Out.Removed.push_back(Plan.Files[I].ZipPath);
  return Out;
}

using Paths = std::vector<std::string>;

class PythonPrune : public ::testing::Test {
protected:
  void SetUp() override {
    T.file("lambda_function.py", "");
    T.file("tests/test_handler.py", ""); // the function's own
    T.file("README.md", "");
    T.file("pkg/__init__.py", "");
    T.file("pkg/tests/test_a.py", "1");
    T.file("pkg/docs/index.rst", "22");
    T.file("pkg/docs-as-code/docs/__init__.py", "");
    T.file("pkg/docs-as-code/docs/client.py", "333");
    T.file("pkg/README.md", "4444");
    T.file("pkg/LICENSE.md", "5");
    T.file("pkg/api.pyi", "66");
    T.file("pkg/include/api.h", "777");
    T.file("pkg/__pycache__/__init__.cpython-312.pyc", "8");
    T.file("pkg/__pycache__/__init__.cpython-312.opt-1.pyc", "8");
    T.file("pkg/__pycache__/__init__.cpython-39.pyc", "99");
    T.file("pkg/__pycache__/__init__.pypy39.pyc", "99");
    T.file("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n");
    T.file("pkg-1.0.dist-info/README.md", "metadata");
    T.file("pkg-1.0.dist-info/LICENSE", "metadata");
  }
  ManagedTree T;
};

TEST_F(PythonPrune, SafeTier) {
  PruneSettings S;
  S.BytecodeTag = "cpython-312";
  Pruned P = prune(T, "python3.12", S);
  EXPECT_EQ(P.Files,
            (Paths{"pkg/README.md:markdown",
                   "pkg/__pycache__/__init__.cpython-39.pyc:"
                   "foreign-bytecode",
                   "pkg/__pycache__/__init__.pypy39.pyc:"
                   "foreign-bytecode",
                   "pkg/docs/index.rst:docs", "pkg/tests/test_a.py:tests"}));
  EXPECT_EQ(P.Removed,
            (Paths{"pkg/README.md", "pkg/__pycache__/__init__.cpython-39.pyc",
                   "pkg/__pycache__/__init__.pypy39.pyc", "pkg/docs",
                   "pkg/docs/index.rst", "pkg/tests", "pkg/tests/test_a.py"}));
}

TEST_F(PythonPrune, AggressiveTierAndLicenses) {
  PruneSettings S;
  S.Tier = PruneTier::Aggressive;
  S.PruneLicenses = true;
  S.BytecodeTag = "cpython-312";
  Pruned P = prune(T, "python3.12", S);
  EXPECT_EQ(
      P.Files,
      (Paths{"pkg/LICENSE.md:licenses", "pkg/README.md:markdown",
             "pkg/__pycache__/__init__.cpython-39.pyc:foreign-bytecode",
             "pkg/__pycache__/__init__.pypy39.pyc:foreign-bytecode",
             "pkg/api.pyi:type-stubs", "pkg/docs/index.rst:docs",
             "pkg/include/api.h:c-sources", "pkg/tests/test_a.py:tests"}));
}

TEST_F(PythonPrune, NoneKeepsAllButLicensesWhenAsked) {
  PruneSettings S;
  S.Tier = PruneTier::None;
  EXPECT_TRUE(prune(T, "python3.12", S).Removed.empty());
  S.PruneLicenses = true;
  EXPECT_EQ(prune(T, "python3.12", S).Files,
            (Paths{"pkg/LICENSE.md:licenses"}));
}

TEST_F(PythonPrune, KeepGlobsAndUserProfiles) {
  PruneSettings S;
  S.BytecodeTag = "cpython-312";
  S.Keep.push_back(cantFail(OwnedGlob::create("pkg/tests/*")));
  S.Keep.push_back(cantFail(OwnedGlob::create("*.pyc")));
  Pruned P =
      prune(T, "python3.12", S,
            {{"mine.json", R"({"schema_version": 1, "extends": "python",
                       "disable": ["docs"],
                       "rules": [{"id": "rst", "tier": "safe", "match": ["*.rst"],
                                  "description": "reStructuredText"}]})"},
             {"node-only.json", R"({"schema_version": 1, "extends": "node",
                       "rules": [{"id": "py", "tier": "safe", "match": ["*.py"],
                                  "description": "not for Python"}]})"}});
  EXPECT_EQ(P.Files,
            (Paths{"pkg/README.md:markdown", "pkg/docs/index.rst:rst"}));
  // pkg/tests stays, as what is in it does; pkg/docs too, as no rule that
  // is on names folders.
  EXPECT_EQ(P.Removed, (Paths{"pkg/README.md", "pkg/docs/index.rst"}));
}

TEST(NodePrune, NeverAPackageFolderNorPackageJson) {
  ManagedTree T;
  T.file("node_modules/a/package.json", "{}");
  T.file("node_modules/a/test/a.test.js", "1");
  T.file("node_modules/a/node_modules/test/package.json", "{}");
  T.file("node_modules/a/node_modules/test/index.js", "22");
  T.file("node_modules/test/package.json", "{}");
  T.file("node_modules/test/index.js", "333");
  T.file("node_modules/@docs/examples/package.json", "{}");
  T.file("node_modules/@docs/examples/index.js", "4444");
  T.file("node_modules/a/docs/package.json", "{}");
  T.file("node_modules/a/lib/x.ts", "5");
  T.file("node_modules/a/lib/x.js", "5");
  T.file("node_modules/a/lib/y.ts", "66");
  T.file("node_modules/a/lib/x.d.ts", "7");
  T.file("node_modules/a/lib/x.js.map", "88");
  T.file("src/test/handler.test.js", "");
  PruneSettings S;
  Pruned P = prune(T, "nodejs20.x", S);
  EXPECT_EQ(P.Files, (Paths{"node_modules/a/lib/x.js.map:source-maps",
                            "node_modules/a/lib/x.ts:typescript-sources",
                            "node_modules/a/test/a.test.js:tests"}));
  S.Environment["NODE_OPTIONS"] = "--enable-source-maps";
  S.Tier = PruneTier::Aggressive;
  EXPECT_EQ(prune(T, "nodejs20.x", S).Files,
            (Paths{"node_modules/a/lib/x.d.ts:type-declarations",
                   "node_modules/a/lib/x.ts:typescript-sources",
                   "node_modules/a/test/a.test.js:tests"}));
}

TEST(PruneProfile, BadProfilesAreErrorsNamingTheEntry) {
  auto Ours = MemoryBuffer::getFile(std::string(BRISK_TEST_RULES_DIR) +
                                    "/prune/python.json");
  ASSERT_TRUE(bool(Ours));
  auto Error = [&](StringRef User) {
    Expected<PruneProfile> P = parsePruneProfile((*Ours)->getBuffer(), "ours",
                                                 {{"u.json", User.str()}});
    return P ? std::string("no error") : toString(P.takeError());
  };
  EXPECT_EQ(Error(R"({"schema_version": 1, "extends": "perl"})"),
            "u.json: 'extends' must be \"python\" or \"node\"");
  EXPECT_EQ(
      Error(
          R"({"schema_version": 1, "extends": "python", "disable": ["nope"]})"),
      "u.json: 'disable' names 'nope', which is no rule of the python "
      "profile");
  EXPECT_EQ(
      Error(
          R"({"schema_version": 1, "extends": "python", "rules": [{"id": "x", "tier": "none", "match": ["*"], "description": "d"}]})"),
      "u.json: rules[0]: 'tier' must be 'safe' or 'aggressive'");
  EXPECT_EQ(
      Error(
          R"({"schema_version": 1, "extends": "python", "rules": [{"id": "x", "tier": "safe", "match": [], "description": "d"}]})"),
      "u.json: rules[0]: 'match' must be a non-empty array of globs");
  EXPECT_EQ(
      Error(
          R"({"schema_version": 1, "extends": "python", "rules": [{"id": "x", "tier": "safe", "match": ["["], "description": "d"}]})"),
      "u.json: rules[0]: bad pattern '[': invalid glob pattern, unmatched '['");
  EXPECT_EQ(Error(R"({"schema_version": 2})"),
            "u.json: 'schema_version' must be 1");
  EXPECT_EQ(Error(R"({"schema_version": 1, "extends": "python", "tiers": 1})"),
            "u.json: unknown key 'tiers'");
}

} // namespace
