//===- CredentialScanTest.cpp - AWS keys in a file's text -----------------===//

#include "PackerFixtureDir.h"

#include "plan/CredentialScan.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

// Put together so that this file holds no key.
const std::string Key = std::string("AKIA") + "Q3EGRXOFYCZ2RTVW";
const std::string Secret =
    std::string("kT9vW2xq/Lm4Rz8+") + "Hn5Jp7Ba3Cd6Ef1Gh0Ik2Lm4";

TEST(CredentialScan, KeyIdNextToASecret) {
  EXPECT_EQ(findAwsCredentialIn("a\nb\nkey = '" + Key + "'\nsecret = '" +
                                Secret + "'\n"),
            std::optional<uint64_t>(3));
  EXPECT_EQ(findAwsCredentialIn("secret=" + Secret + "\n\nid=" + Key),
            std::optional<uint64_t>(3));
  EXPECT_EQ(findAwsCredentialIn("ASIA" + Key.substr(4) + " " + Secret),
            std::optional<uint64_t>(1));
  // The first pair counts.
  EXPECT_EQ(findAwsCredentialIn(Key + ":" + Secret + "\n" + Key + ":" + Secret),
            std::optional<uint64_t>(1));
}

TEST(CredentialScan, LookAlikesAreSilent) {
  auto Silent = [](const std::string &Text) {
    return !findAwsCredentialIn(Text).has_value();
  };
  EXPECT_TRUE(
      Silent("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  EXPECT_TRUE(Silent(Key));
  EXPECT_TRUE(Silent(Secret));
  EXPECT_TRUE(Silent(Key + " da39a3ee5e6b4b0d3255bfef95601890afd80709"));
  EXPECT_TRUE(Silent("X" + Key + " " + Secret));
  EXPECT_TRUE(Silent(Key + "1 " + Secret));
  EXPECT_TRUE(Silent(Key + " " + Secret + "Q"));
  EXPECT_TRUE(Silent(Key + " " + Secret.substr(1)));
  // 0, 1, 8 and 9 are not in an access key id's alphabet.
  EXPECT_TRUE(Silent("AKIAQ3EGRXOFYCZ2RTV0 " + Secret));
  // A secret must mix letter cases and digits or signs.
  EXPECT_TRUE(Silent(Key + " " + std::string(40, 'A')));
  EXPECT_TRUE(Silent(Key + std::string(300, ' ') + Secret));
  EXPECT_FALSE(Silent(Key + std::string(256, ' ') + Secret));
}

TEST(CredentialScan, StreamsAcrossChunks) {
  FixtureDir Dir("brisk-credential-test");
  // readSource hands 1 MiB chunks: the key id straddles the first border.
  std::string Text(1048576 - 10, 'x');
  Text += "\n" + Key + " = " + Secret + "\n";
  Dir.write("big.txt", Text);
  Expected<std::optional<uint64_t>> Line =
      findAwsCredential({Dir.path("big.txt"), 0, Text.size()});
  ASSERT_TRUE(bool(Line));
  EXPECT_EQ(*Line, std::optional<uint64_t>(2));
}

} // namespace
