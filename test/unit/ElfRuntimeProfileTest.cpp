//===- ElfRuntimeProfileTest.cpp - rules/runtimes/*.json ------------------===//

#include "elf/RuntimeProfile.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

TEST(RuntimeProfileTest, ProvidedAl2023) {
  auto Profile = loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2023");
  ASSERT_TRUE(bool(Profile)) << toString(Profile.takeError());
  EXPECT_EQ(Profile->Name, "provided.al2023");
  EXPECT_EQ(Profile->Architecture, "x86_64");
  EXPECT_EQ(Profile->Glibc, "2.34");
  EXPECT_EQ(Profile->Glibcxx, "");
  EXPECT_EQ(Profile->Loader, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_TRUE(Profile->provides("libc.so.6"));
  EXPECT_TRUE(Profile->provides("libm.so.6"));
  EXPECT_TRUE(Profile->provides("ld-linux-x86-64.so.2"));
  EXPECT_TRUE(Profile->isGlibcFamily("ld-linux-x86-64.so.2"));
  EXPECT_TRUE(Profile->isGlibcFamily("libpthread.so.0"));
  // The minimal AL2023 image has no C++ runtime: it must be shipped.
  EXPECT_FALSE(Profile->provides("libstdc++.so.6"));
  EXPECT_TRUE(Profile->isCxxRuntime("libstdc++.so.6"));
  EXPECT_FALSE(Profile->provides("libcurl.so.4"));
  EXPECT_FALSE(Profile->isGlibcFamily("libstdc++.so.6"));
  EXPECT_EQ(Profile->LayerPaths.at("lib"), "lib");
  EXPECT_EQ(Profile->TaskRoot, "/var/task");
  EXPECT_EQ(Profile->LibraryPath.back(), "/opt/lib");
}

TEST(RuntimeProfileTest, ProvidedAl2Arm64) {
  auto Profile =
      loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2", "arm64");
  ASSERT_TRUE(bool(Profile)) << toString(Profile.takeError());
  EXPECT_EQ(Profile->Glibc, "2.26");
  EXPECT_EQ(Profile->Glibcxx, "3.4.24");
  EXPECT_EQ(Profile->Loader, "/lib/ld-linux-aarch64.so.1");
  EXPECT_TRUE(Profile->provides("ld-linux-aarch64.so.1"));
  EXPECT_FALSE(Profile->provides("ld-linux-x86-64.so.2"));
  EXPECT_TRUE(Profile->provides("libstdc++.so.6"));
}

TEST(RuntimeProfileTest, UnknownRuntimeListsKnownOnes) {
  auto Profile = loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2099");
  ASSERT_FALSE(bool(Profile));
  std::string Message = toString(Profile.takeError());
  EXPECT_EQ(Message.rfind("unknown runtime 'provided.al2099' (known: ", 0), 0u)
      << Message;
  EXPECT_NE(Message.find("provided.al2, provided.al2023"), std::string::npos)
      << Message;
}

TEST(RuntimeProfileTest, UnknownArchitecture) {
  auto Profile =
      loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2023", "riscv64");
  ASSERT_FALSE(bool(Profile));
  std::string Message = toString(Profile.takeError());
  EXPECT_NE(Message.find("provided.al2023.json: architecture 'riscv64' is not "
                         "described (known: arm64, x86_64)"),
            std::string::npos)
      << Message;
}

TEST(RuntimeProfileTest, MalformedFilesNameFileAndField) {
  auto Error = [](StringRef Json) {
    auto Profile = parseRuntimeProfile(Json, "my.json");
    EXPECT_FALSE(bool(Profile));
    return Profile ? std::string() : toString(Profile.takeError());
  };
  EXPECT_EQ(Error("{"), "my.json: not valid JSON");
  EXPECT_EQ(Error("[]"), "my.json: the top level must be an object");
  EXPECT_EQ(Error(R"({"name": "x"})"), "my.json: 'schema_version' must be 1");
  EXPECT_EQ(Error(R"({"schema_version": 1, "name": "x", "task_root": "/t",
                      "provides": [], "glibc_sonames": []})"),
            "my.json: missing field 'glibc'");
  EXPECT_EQ(Error(R"({"schema_version": 1, "name": "x", "glibc": 2.34,
                      "task_root": "/t", "provides": [], "glibc_sonames": []})"),
            "my.json: field 'glibc' must be a string");
  EXPECT_EQ(Error(R"({"schema_version": 1, "name": "x", "glibc": "2.34",
                      "task_root": "/t", "provides": ["a", 1],
                      "glibc_sonames": []})"),
            "my.json: field 'provides' must be an array of strings");
  EXPECT_EQ(Error(R"({"schema_version": 1, "name": "x", "glibc": "2.34",
                      "task_root": "/t", "provides": [], "glibc_sonames": [],
                      "architectures": {"x86_64": {}}})"),
            "my.json: architectures.x86_64: missing field 'loader'");
}

TEST(RuntimeProfileTest, MinimalValidProfile) {
  auto Profile = parseRuntimeProfile(
      R"({"schema_version": 1, "name": "x", "glibc": "2.17", "task_root": "/t",
          "provides": ["libc.so.6"], "glibc_sonames": ["libc.so.6"],
          "architectures": {"x86_64": {"loader": "/lib64/ld-linux-x86-64.so.2"}}})",
      "my.json");
  ASSERT_TRUE(bool(Profile)) << toString(Profile.takeError());
  EXPECT_EQ(Profile->ProvidedSonames,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libc.so.6"}));
  EXPECT_TRUE(Profile->CxxRuntimeSonames.empty());
}

} // namespace
