//===- NodeResolutionTest.cpp - require() resolved in a tree as Node does -===//

#include "ManagedTreeFixture.h"

#include "managed/NodeResolution.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

class NodeResolution : public ::testing::Test {
protected:
  void SetUp() override {
    T.file("node_modules/a/package.json", "{}");
    T.file("node_modules/a/node_modules/b/package.json", "{}");
    T.file("node_modules/a/node_modules/b/lib/x.js", "");
    T.file("node_modules/b/package.json", "{}");
    T.file("node_modules/@s/c/package.json", "{}");
    T.file("src/node_modules/local/index.js", "");
    Plan = T.plan();
  }
  ManagedTree T;
  FunctionPlan Plan;
};

TEST_F(NodeResolution, NearestNodeModulesFirstThenEachParent) {
  TreeIndex Tree(Plan.Files);
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/a", "b"),
            "node_modules/a/node_modules/b");
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/a/node_modules/b/lib", "b"),
            "node_modules/a/node_modules/b");
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/@s/c", "b"),
            "node_modules/b");
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/a/node_modules/b", "@s/c"),
            "node_modules/@s/c");
  EXPECT_EQ(resolveNodeRequire(Tree, "", "a"), "node_modules/a");
  EXPECT_EQ(resolveNodeRequire(Tree, "src", "local"), "src/node_modules/local");
  // Not found in the tree: Node goes on to NODE_PATH.
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/a", "@aws-sdk/client-s3"),
            "");
  EXPECT_EQ(resolveNodeRequire(Tree, "node_modules/a", "local"), "");
}

TEST_F(NodeResolution, PackageFolders) {
  EXPECT_TRUE(isNodePackageFolder("node_modules/a"));
  EXPECT_TRUE(isNodePackageFolder("node_modules/@s/c"));
  EXPECT_TRUE(isNodePackageFolder("node_modules/a/node_modules/b"));
  EXPECT_FALSE(isNodePackageFolder("node_modules/@s"));
  EXPECT_FALSE(isNodePackageFolder("node_modules/a/lib"));
  EXPECT_FALSE(isNodePackageFolder("node_modules/a/lib/esm"));
}

TEST_F(NodeResolution, DeclaredDependenciesOfPackageFoldersOnly) {
  ManagedTree U;
  U.file("node_modules/a/package.json",
         R"({"dependencies": {"b": "1"}, "peerDependencies": {"c": "1"},
             "devDependencies": {"jest": "1"}})");
  U.file("node_modules/a/lib/esm/package.json",
         R"({"type": "module", "dependencies": {"ignored": "1"}})");
  U.file("node_modules/b/package.json", "not json");
  FunctionPlan P = U.plan();
  TreeIndex Tree(P.Files);
  std::vector<size_t> All;
  for (size_t I = 0; I < P.Files.size(); ++I)
    All.push_back(I);
  Expected<std::vector<NodeDependency>> Deps = readNodeDependencies(Tree, All);
  ASSERT_TRUE(bool(Deps));
  ASSERT_EQ(Deps->size(), 2u);
  EXPECT_EQ((*Deps)[0].Name, "b");
  EXPECT_EQ((*Deps)[0].Kind, "dependencies");
  EXPECT_EQ((*Deps)[0].Resolved, "node_modules/b");
  EXPECT_EQ((*Deps)[1].Name, "c");
  EXPECT_EQ((*Deps)[1].Kind, "peerDependencies");
  EXPECT_EQ((*Deps)[1].Resolved, "");
}

} // namespace
