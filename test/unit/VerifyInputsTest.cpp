//===- VerifyInputsTest.cpp - What verify reads: manifest, runtimes, events
//===//

#include "verify/EventLibrary.h"
#include "verify/LambdaEnvironment.h"
#include "verify/ManifestReader.h"
#include "verify/RuntimeLaunch.h"

#include "PackerFixtureDir.h"

#include "gtest/gtest.h"

#include <map>

using namespace llvm;
using namespace brisk;

namespace {

TEST(RuntimeLaunchTest, ManagedRuntimesNameTheirLanguageAndSearchPath) {
  auto Python = loadRuntimeLaunch(BRISK_TEST_RULES_DIR, "python3.12");
  ASSERT_TRUE(bool(Python)) << toString(Python.takeError());
  EXPECT_TRUE(Python->isManaged());
  EXPECT_EQ(Python->Language, "python");
  EXPECT_EQ(Python->LanguageVersion, "3.12");
  EXPECT_EQ(Python->DefaultHandler, "lambda_function.lambda_handler");
  EXPECT_EQ(Python->SearchPath,
            (std::vector<std::string>{
                "/var/task", "/opt/python/lib/python3.12/site-packages",
                "/opt/python"}));
  EXPECT_EQ(Python->ExecutionEnv, "AWS_Lambda_python3.12");

  auto Node = loadRuntimeLaunch(BRISK_TEST_RULES_DIR, "nodejs22.x");
  ASSERT_TRUE(bool(Node)) << toString(Node.takeError());
  EXPECT_EQ(Node->DefaultHandler, "index.handler");
  EXPECT_EQ(Node->SearchPath.front(), "/opt/nodejs/node22/node_modules");
  EXPECT_EQ(Node->SearchPath.back(), "/var/task");

  auto Native = loadRuntimeLaunch(BRISK_TEST_RULES_DIR, "provided.al2023");
  ASSERT_TRUE(bool(Native)) << toString(Native.takeError());
  EXPECT_FALSE(Native->isManaged());
  EXPECT_EQ(Native->DefaultHandler, "bootstrap");
}

TEST(RuntimeLaunchTest, MalformedFieldsAreNamed) {
  auto Error = [](StringRef Json) {
    auto L = parseRuntimeLaunch(Json, "r.json");
    return L ? std::string() : toString(L.takeError());
  };
  EXPECT_EQ(Error("[]"), "r.json: not a JSON object");
  EXPECT_EQ(Error("{}"), "r.json: 'handler' must be a string");
  EXPECT_EQ(Error(R"({"handler": "h", "managed": 1})"),
            "r.json: 'managed' must be an object");
  EXPECT_EQ(Error(R"({"handler": "h", "managed": {"language": "ruby",
                      "version": "3", "execution_env": "e"}})"),
            "r.json: 'managed.language' must be \"python\" or \"nodejs\"");
  EXPECT_EQ(Error(R"({"handler": "h", "managed": {"language": "python",
                      "version": "3", "execution_env": "e",
                      "search_path": [1]}})"),
            "r.json: 'managed.search_path' must be an array of strings");
}

TEST(ManifestReaderTest, ReadsFunctionsWithTheirLayersInOrder) {
  FixtureDir Dir("verify-manifest");
  Dir.write("manifest.json", R"({"version": 1,
    "functions": [{"name": "orders", "runtime": "python3.12",
                   "zip": "functions/orders.zip", "code_sha256": "abc=",
                   "handler": "app.main", "layers": ["b", "a"]}],
    "layers": [{"name": "a", "zip": "layers/a.zip"},
               {"name": "b", "zip": "layers/b.zip"}]})");
  auto Fns = readManifest(Dir.Root);
  ASSERT_TRUE(bool(Fns)) << toString(Fns.takeError());
  ASSERT_EQ(Fns->size(), 1u);
  const ManifestFunction &F = Fns->front();
  EXPECT_EQ(F.Name, "orders");
  EXPECT_EQ(F.Runtime, "python3.12");
  EXPECT_EQ(F.Zip, Dir.path("functions/orders.zip"));
  EXPECT_EQ(F.CodeSha256, "abc=");
  EXPECT_EQ(F.Handler, "app.main");
  ASSERT_EQ(F.Layers.size(), 2u);
  EXPECT_EQ(F.Layers[0].Name, "b");
  EXPECT_EQ(F.Layers[0].Zip, Dir.path("layers/b.zip"));
  EXPECT_EQ(F.Layers[1].Name, "a");

  auto Other = selectFunction(*Fns, "billing", "dist");
  ASSERT_FALSE(bool(Other));
  EXPECT_EQ(toString(Other.takeError()),
            "dist has no function 'billing' (it has: orders)");
}

TEST(ManifestReaderTest, BadManifestsNameFileAndField) {
  FixtureDir Dir("verify-manifest");
  auto Error = [&](StringRef Json) {
    Dir.write("manifest.json", Json);
    auto Fns = readManifest(Dir.Root);
    return Fns ? std::string() : toString(Fns.takeError());
  };
  std::string File = Dir.path("manifest.json");
  EXPECT_EQ(Error("{"), File + ": top level: not a JSON object");
  EXPECT_EQ(Error(R"({"version": 2, "functions": []})"),
            File + ": top level: 'version' must be 1");
  EXPECT_EQ(Error(R"({"version": 1})"),
            File + ": top level: 'functions' must be an array");
  EXPECT_EQ(
      Error(R"({"version": 1, "functions": [{"runtime": "x", "zip": "z"}]})"),
      File + ": functions[0]: missing 'name'");
  EXPECT_EQ(Error(R"({"version": 1, "functions": [{"name": "a b",
                      "runtime": "x", "zip": "z"}]})"),
            File + ": functions[0]: function name 'a b' must be 1 to 64 "
                   "letters, digits, '-' or '_'");
  EXPECT_EQ(Error(R"({"version": 1, "functions": [{"name": "a",
                      "runtime": "x", "zip": "/etc/z"}]})"),
            File + ": functions[0]: 'zip': absolute path '/etc/z' in input");
  EXPECT_EQ(Error(R"({"version": 1, "functions": [{"name": "a",
                      "runtime": "x", "zip": "z", "layers": "l"}]})"),
            File + ": functions[0]: 'layers' must be an array of layer names");
}

TEST(EventLibraryTest, StandardEventsByNameAndFilesByPath) {
  EXPECT_EQ(standardEventNames(BRISK_TEST_RULES_DIR),
            (std::vector<std::string>{
                "apigw-http-v2", "apigw-rest-v1", "dynamodb-stream",
                "eventbridge-scheduled", "s3-put", "sqs"}));
  auto Default = loadEvent(BRISK_TEST_RULES_DIR, DefaultEventName);
  ASSERT_TRUE(bool(Default)) << toString(Default.takeError());
  EXPECT_EQ(Default->Label, "apigw-http-v2");
  EXPECT_NE(Default->Payload.find("\"rawQueryString\": \"name=Alice\""),
            std::string::npos);

  FixtureDir Dir("verify-events");
  Dir.write("mine.json", R"({"id": 7})");
  auto Mine = loadEvent(BRISK_TEST_RULES_DIR, Dir.path("mine.json"));
  ASSERT_TRUE(bool(Mine)) << toString(Mine.takeError());
  EXPECT_EQ(Mine->Payload, R"({"id": 7})");

  Dir.write("broken.json", "{");
  auto Broken = loadEvent(BRISK_TEST_RULES_DIR, Dir.path("broken.json"));
  ASSERT_FALSE(bool(Broken));
  EXPECT_EQ(toString(Broken.takeError()),
            Dir.path("broken.json") +
                ": not valid JSON (Lambda delivers JSON events only)");
}

TEST(LambdaEnvironmentTest, SetsLambdasVariablesAndNoCredentials) {
  FunctionSettings S;
  S.Name = "orders";
  S.Handler = "index.handler";
  S.RuntimeApi = "127.0.0.1:9001";
  S.MemoryMb = 256;
  S.LibraryPath = {"/var/lang/lib", "/lib64", "/opt/lib"};
  std::map<std::string, std::string> Env;
  for (const auto &[Name, Value] : lambdaEnvironment(S))
    Env[Name] = Value;
  EXPECT_EQ(Env["AWS_LAMBDA_RUNTIME_API"], "127.0.0.1:9001");
  EXPECT_EQ(Env["LAMBDA_TASK_ROOT"], "/var/task");
  EXPECT_EQ(Env["_HANDLER"], "index.handler");
  EXPECT_EQ(Env["AWS_LAMBDA_FUNCTION_NAME"], "orders");
  EXPECT_EQ(Env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"], "256");
  EXPECT_EQ(Env["AWS_LAMBDA_FUNCTION_VERSION"], "$LATEST");
  EXPECT_EQ(Env["AWS_LAMBDA_LOG_GROUP_NAME"], "/aws/lambda/orders");
  EXPECT_EQ(Env["AWS_REGION"], "us-east-1");
  EXPECT_EQ(Env["LD_LIBRARY_PATH"], "/var/lang/lib:/lib64:/opt/lib");
  EXPECT_EQ(Env["PATH"],
            "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin");
  EXPECT_EQ(Env.count("AWS_ACCESS_KEY_ID"), 0u);
  EXPECT_EQ(Env.count("HOME"), 0u);
  EXPECT_EQ(functionArn("orders"),
            "arn:aws:lambda:us-east-1:123456789012:function:orders");
}

} // namespace
