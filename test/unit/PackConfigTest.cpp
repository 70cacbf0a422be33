//===- PackConfigTest.cpp - brisk-pack.json
//--------------------------------===//

#include "plan/PackConfig.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

std::string parseError(StringRef Json) {
  PackOptions Options;
  Error E = parsePackConfig(Json, "cfg.json", "/base", Options);
  return E ? toString(std::move(E)) : "";
}

TEST(PackConfigTest, ReadsEveryKeyWithPathsFromTheFileFolder) {
  PackOptions Options;
  Error E = parsePackConfig(
      R"({"output": "dist", "strip": "all", "keep_debug": "/abs/dbg",
          "compress_debug": true, "library_paths": ["lib", "/opt/lib"],
          "bundle_libc": false, "bootstrap": "exec", "compression_level": 0,
          "functions": [{"name": "orders", "input": "build/orders",
                         "runtime": "provided.al2", "includes": ["x.so"],
                         "excludes": ["tests/*"], "allow_secrets": [".env"]}]})",
      "cfg.json", "/base", Options);
  ASSERT_FALSE(bool(E)) << toString(std::move(E));
  EXPECT_EQ(Options.OutDir, "/base/dist");
  EXPECT_EQ(Options.Strip, StripMode::All);
  EXPECT_EQ(Options.KeepDebugDir, "/abs/dbg");
  EXPECT_TRUE(Options.CompressDebug);
  EXPECT_EQ(Options.LibraryPath,
            (std::vector<std::string>{"/base/lib", "/opt/lib"}));
  EXPECT_FALSE(Options.AllowBundleLibc);
  EXPECT_EQ(Options.Bootstrap, BootstrapStyle::Exec);
  EXPECT_EQ(Options.CompressionLevel, 0u);
  ASSERT_EQ(Options.Functions.size(), 1u);
  const FunctionSpec &F = Options.Functions[0];
  EXPECT_EQ(F.Name, "orders");
  EXPECT_EQ(F.Input, "/base/build/orders");
  EXPECT_EQ(F.Runtime, "provided.al2");
  EXPECT_EQ(F.Includes, std::vector<std::string>{"/base/x.so"});
  EXPECT_EQ(F.Excludes, std::vector<std::string>{"tests/*"});
  EXPECT_EQ(F.AllowSecrets, std::vector<std::string>{".env"});
}

TEST(PackConfigTest, KeepsDefaultsForAbsentKeys) {
  PackOptions Options;
  ASSERT_FALSE(bool(parsePackConfig("{}", "cfg.json", "/base", Options)));
  EXPECT_EQ(Options.Strip, StripMode::Debug);
  EXPECT_TRUE(Options.AllowBundleLibc);
  EXPECT_EQ(Options.CompressionLevel, 6u);
  EXPECT_TRUE(Options.OutDir.empty());
}

TEST(PackConfigTest, MistakesNameTheFileAndTheKey) {
  EXPECT_EQ(parseError(R"({"outptu": "d"})"),
            "cfg.json: top level: unknown key 'outptu'");
  EXPECT_EQ(parseError(R"({"functions": [{"name": "a", "input": "b",
                                          "exclude": []}]})"),
            "cfg.json: functions[0]: unknown key 'exclude'");
  EXPECT_EQ(parseError(R"({"strip": 1})"),
            "cfg.json: strip: expected a string");
  EXPECT_EQ(parseError(R"({"bundle_libc": "no"})"),
            "cfg.json: bundle_libc: expected true or false");
  EXPECT_EQ(parseError(R"({"compression_level": 10})"),
            "cfg.json: compression_level: expected an integer from 0 to 9");
  EXPECT_EQ(parseError(R"({"library_paths": ["a", 2]})"),
            "cfg.json: library_paths[1]: expected a string");
  EXPECT_EQ(parseError(R"({"functions": {}})"),
            "cfg.json: functions: expected an array");
  EXPECT_EQ(parseError(R"({"functions": [{"name": "a b", "input": "x"}]})"),
            "cfg.json: functions[0].name: function name 'a b' must be 1 to "
            "64 letters, digits, '-' or '_'");
  EXPECT_EQ(parseError(R"({"functions": [{"name": "a", "input": "x",
                                          "runtime": "python"}]})"),
            "cfg.json: functions[0].runtime: unknown runtime 'python': "
            "expected provided.al2023, provided.al2, python3.N, nodejsN.x, "
            "javaN, ruby3.N or dotnetN");
  EXPECT_EQ(parseError("[1, 2]"), "cfg.json: top level: expected an object");
  EXPECT_EQ(parseError("{"), "cfg.json: not valid JSON");
}

TEST(PackConfigTest, FunctionArguments) {
  Expected<FunctionSpec> Spec = parseFunctionArgument("orders=build/a=b");
  ASSERT_TRUE(bool(Spec));
  EXPECT_EQ(Spec->Name, "orders");
  EXPECT_EQ(Spec->Input, "build/a=b");
  for (StringRef Bad : {"orders", "orders=", "=path", "or/ders=x"}) {
    Expected<FunctionSpec> S = parseFunctionArgument(Bad);
    EXPECT_FALSE(bool(S)) << Bad.str();
    consumeError(S.takeError());
  }
}

TEST(PackConfigTest, RuntimeNames) {
  for (StringRef Good : {"provided.al2023", "provided.al2", "python3.12",
                         "nodejs20.x", "java21", "ruby3.3", "dotnet8"})
    EXPECT_FALSE(bool(checkRuntimeName(Good))) << Good.str();
  for (StringRef Bad : {"provided", "python3", "python3.x", "nodejs.x",
                        "nodejs20", "go1.x", ""}) {
    Error E = checkRuntimeName(Bad);
    EXPECT_TRUE(bool(E)) << Bad.str();
    consumeError(std::move(E));
  }
}

} // namespace
