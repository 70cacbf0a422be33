//===- ShardsTest.cpp - --shard=I/N parsing and the split -----------------===//

#include "driver/Shards.h"

#include <gtest/gtest.h>

using namespace brisk;

namespace {

TEST(Shards, Parses) {
  auto S = parseShard("2/4");
  ASSERT_TRUE(bool(S));
  EXPECT_EQ(S->Index, 2u);
  EXPECT_EQ(S->Count, 4u);
  for (const char *Bad : {"0/4", "5/4", "1/0", "1", "/4", "a/b", "1/4/2", ""}) {
    auto E = parseShard(Bad);
    EXPECT_FALSE(bool(E)) << Bad;
    llvm::consumeError(E.takeError());
  }
}

TEST(Shards, SplitCoversEveryFileOnce) {
  std::vector<std::string> Files = {"a", "b", "c", "d", "e", "f", "g"};
  std::vector<std::string> All;
  for (unsigned I = 1; I <= 3; ++I) {
    std::vector<std::string> Part = shardFiles(Files, {I, 3});
    EXPECT_GE(Part.size(), 2u);
    EXPECT_LE(Part.size(), 3u);
    All.insert(All.end(), Part.begin(), Part.end());
  }
  std::sort(All.begin(), All.end());
  EXPECT_EQ(All, Files);
  EXPECT_EQ(shardFiles(Files, {1, 1}), Files);
  EXPECT_TRUE(shardFiles({"a"}, {2, 2}).empty());
}

} // namespace
