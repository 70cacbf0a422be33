//===- ExtractCatalogTest.cpp - Catalogue matches at extraction -----------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

constexpr const char *Prelude = R"(
#include <aws/core/Aws.h>
#include <aws/s3/S3Client.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <memory>
using Aws::Client::ClientConfiguration;
)";

TEST(ExtractCatalog, SdkClientsHoweverTheyAreBuilt) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Store {
  Aws::DynamoDB::DynamoDBClient Db;
};
void f(const ClientConfiguration &Cfg) {
  Aws::S3::S3Client Local(Cfg);
  auto *Raw = new Aws::S3::S3Client(Cfg);
  auto Unique = std::make_unique<Aws::S3::S3Client>(Cfg);
  auto Shared = Aws::MakeShared<Aws::DynamoDB::DynamoDBClient>("tag", Cfg);
  Store St;
  auto Owned = std::make_unique<Store>();
  (void)Raw;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto M = matches(*F, "aws-sdk-client");
  ASSERT_EQ(M.size(), 6u);
  EXPECT_EQ(M[0]->What, "Aws::S3::S3Client");
  EXPECT_EQ(M[0]->Category, "sdk-client");
  EXPECT_EQ(M[0]->Condition, "always");
  EXPECT_EQ(M[0]->Loc.Line, 12u);
  EXPECT_EQ(M[0]->Loc.Column, 21u);
  EXPECT_EQ(M[1]->Loc.Line, 13u);
  EXPECT_EQ(M[2]->Loc.Line, 14u);
  EXPECT_EQ(M[3]->What, "Aws::DynamoDB::DynamoDBClient");
  EXPECT_EQ(M[3]->Loc.Line, 15u);
  // Members of an object the function constructs sit at the member.
  EXPECT_EQ(M[4]->What, "Aws::DynamoDB::DynamoDBClient");
  EXPECT_EQ(M[4]->Loc.Line, 9u);
  EXPECT_EQ(M[5]->Loc.Line, 9u);
}

TEST(ExtractCatalog, CopiesAndReferencesOfClientsAreNotConstructions) {
  TUSummary S = summarize(std::string(Prelude) + R"(
Aws::S3::S3Client *gClient;
void use(Aws::S3::S3Client);
void f(const Aws::S3::S3Client &C) {
  Aws::S3::S3Client &Ref = *gClient;
  use(C);
  std::shared_ptr<Aws::S3::S3Client> P;
  (void)Ref;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  EXPECT_TRUE(F->Matches.empty());
}

TEST(ExtractCatalog, ConstructorMemberInitialisers) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Repo {
  Repo() {}
  Aws::S3::S3Client Client;
};
)");
  const FunctionSummary *Ctor = function(S, "Repo::Repo");
  ASSERT_NE(Ctor, nullptr);
  auto M = matches(*Ctor, "aws-sdk-client");
  ASSERT_EQ(M.size(), 1u);
  EXPECT_EQ(M[0]->Loc.Line, 10u);
}

TEST(ExtractCatalog, CallsWithArgumentOrigins) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <curl/curl.h>
#include <sqlite3.h>
void f(const std::string &Db) {
  Aws::SDKOptions Opts;
  Aws::InitAPI(Opts);
  curl_global_init(CURL_GLOBAL_ALL);
  CURL *C = curl_easy_init();
  sqlite3 *H;
  sqlite3_open("/opt/data.db", &H);
  sqlite3_open_v2(Db.c_str(), &H, SQLITE_OPEN_READONLY, nullptr);
  (void)C;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(matches(*F, "aws-init-api").size(), 1u);
  EXPECT_EQ(matches(*F, "curl-global-init").size(), 1u);
  EXPECT_EQ(matches(*F, "curl-easy-init").size(), 1u);
  auto Open = matches(*F, "sqlite3-open");
  ASSERT_EQ(Open.size(), 2u);
  EXPECT_EQ(Open[0]->Condition, "request-independent");
  ASSERT_EQ(Open[0]->Args.size(), 1u);
  EXPECT_TRUE(Open[0]->Args[0].Constant);
  EXPECT_EQ(Open[1]->Args[0].ParamMask, 1u);
}

TEST(ExtractCatalog, RegexNeedsAPattern) {
  TUSummary S = summarize(R"(
#include <regex>
#include <string>
void f(const std::string &P) {
  std::regex Constant("^[a-z]+$");
  std::regex FromParam(P);
  std::regex Empty;
  static const std::regex Once("x+");
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto M = matches(*F, "std-regex");
  ASSERT_EQ(M.size(), 3u);
  EXPECT_EQ(M[0]->What, "std::basic_regex");
  EXPECT_TRUE(M[0]->Args[0].Constant);
  EXPECT_EQ(M[1]->Args[0].ParamMask, 1u);
  EXPECT_EQ(M[2]->Once, OnceKind::StaticLocalInit);
}

TEST(ExtractCatalog, FileOpensOutsideTmpForReading) {
  TUSummary S = summarize(R"(
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
const std::string kModel = "/opt/model.bin";
void f(const std::string &Key) {
  std::ifstream A("/etc/config.json");
  std::ifstream B(kModel);
  std::ifstream C("/tmp/" + Key);
  std::ifstream D("/tmp/scratch");
  std::ifstream E;
  E.open("/var/task/data.csv");
  FILE *F = fopen("/var/task/table.txt", "r");
  FILE *G = fopen("/var/task/out.txt", "w");
  int H = open("/var/task/blob", O_RDONLY);
  int I = open("/var/task/log", O_WRONLY | O_CREAT, 0644);
  (void)F; (void)G; (void)H; (void)I;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Ctor = matches(*F, "ifstream-constant-path");
  ASSERT_EQ(Ctor.size(), 2u);
  EXPECT_EQ(Ctor[0]->Loc.Line, 8u);
  EXPECT_EQ(Ctor[1]->Loc.Line, 9u);
  auto Open = matches(*F, "ifstream-open-constant-path");
  ASSERT_EQ(Open.size(), 1u);
  EXPECT_EQ(Open[0]->Loc.Line, 13u);
  auto Fopen = matches(*F, "fopen-read-constant-path");
  ASSERT_EQ(Fopen.size(), 1u);
  EXPECT_EQ(Fopen[0]->Loc.Line, 14u);
  auto Posix = matches(*F, "open-rdonly-constant-path");
  ASSERT_EQ(Posix.size(), 1u);
  EXPECT_EQ(Posix[0]->Loc.Line, 16u);
}

TEST(ExtractCatalog, FstreamCountsOnlyWhenOpenedForReading) {
  TUSummary S = summarize(R"(
#include <fstream>
void f() {
  std::fstream ReadWrite("/var/task/db.bin");
  std::fstream Read("/var/task/a.txt", std::ios::in | std::ios::binary);
  std::fstream Write("/var/task/out.txt", std::ios::out);
  std::fstream Later;
  Later.open("/var/task/log.txt", std::ios::out | std::ios::app);
  Later.open("/var/task/b.txt", std::ios::in);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Ctor = matches(*F, "fstream-constant-path");
  ASSERT_EQ(Ctor.size(), 2u);
  EXPECT_EQ(Ctor[0]->Loc.Line, 4u);
  EXPECT_EQ(Ctor[1]->Loc.Line, 5u);
  auto Open = matches(*F, "fstream-open-constant-path");
  ASSERT_EQ(Open.size(), 1u);
  EXPECT_EQ(Open[0]->Loc.Line, 9u);
}

TEST(ExtractCatalog, UserExtensionsMatchTheirOwnNames) {
  SiteCatalog Catalog = ourCatalog();
  ASSERT_FALSE(bool(mergeSiteCatalog(Catalog, R"({"entries": [
    {"id": "acme-connect", "category": "connection",
     "match": {"function": "acme::connect*"}, "kind": "call",
     "hoistable": "always", "message": "m"},
    {"id": "aws-sdk-client", "disabled": true}]})",
                                     "user.json")));
  TUSummary S = summarize(std::string(Prelude) + R"(
namespace acme { void connectPool(); }
void f() { acme::connectPool(); Aws::S3::S3Client C; }
)",
                          nullptr, Catalog);
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(matches(*F, "acme-connect").size(), 1u);
  EXPECT_TRUE(matches(*F, "aws-sdk-client").empty());
}

} // namespace
