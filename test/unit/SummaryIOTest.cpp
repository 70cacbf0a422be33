//===- SummaryIOTest.cpp - Summaries survive JSON unchanged ---------------===//

#include "extract/SummaryIO.h"
#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

bool sameOrigin(const ValueOrigin &A, const ValueOrigin &B) {
  return A.Constant == B.Constant && A.ParamMask == B.ParamMask &&
         A.Other == B.Other;
}

bool sameOrigins(const std::vector<ValueOrigin> &A,
                 const std::vector<ValueOrigin> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!sameOrigin(A[I], B[I]))
      return false;
  return true;
}

TEST(SummaryIO, RoundTripOfARealSummary) {
  TUSummary S = summarize(R"(
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <regex>
using namespace aws::lambda_runtime;
struct B { virtual void f(); };
struct D : B { void f() override {} };
struct Db { std::string Conn; void connect() const {} };
invocation_response handler(invocation_request const &R) {
  Db{R.payload}.connect();
  Aws::S3::S3Client C;
  std::regex Re(R.payload);
  static std::regex Once("x");
  return invocation_response::success(R.payload, "text/plain");
}
int main() {
  run_handler(handler);
  aws::lambda_runtime::runtime Rt("e");
  while (true) {
    auto N = Rt.get_next();
    Rt.post_success("id", invocation_response::success("", ""));
  }
}
)");
  ASSERT_FALSE(S.Functions.empty());
  ASSERT_EQ(S.Handlers.size(), 2u);
  const FunctionSummary *H = function(S, "handler");
  ASSERT_NE(H, nullptr);
  auto Connect = callsTo(*H, "Db::connect");
  ASSERT_EQ(Connect.size(), 1u);
  ASSERT_EQ(Connect[0]->Object.ParamMask, 1u); // the request is the object
  std::string Text = summaryToJSON(S);
  auto Back = summaryFromJSON(Text, "cache.json");
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(summaryToJSON(*Back), Text);

  ASSERT_EQ(Back->Functions.size(), S.Functions.size());
  for (size_t I = 0; I < S.Functions.size(); ++I) {
    const FunctionSummary &A = S.Functions[I], &B = Back->Functions[I];
    EXPECT_EQ(A.USR, B.USR);
    EXPECT_EQ(A.QualifiedName, B.QualifiedName);
    EXPECT_EQ(A.Loc, B.Loc);
    EXPECT_EQ(A.IsMain, B.IsMain);
    EXPECT_EQ(A.IsLambda, B.IsLambda);
    EXPECT_EQ(A.Overrides, B.Overrides);
    ASSERT_EQ(A.Calls.size(), B.Calls.size());
    for (size_t J = 0; J < A.Calls.size(); ++J) {
      EXPECT_EQ(A.Calls[J].CalleeUSR, B.Calls[J].CalleeUSR);
      EXPECT_EQ(A.Calls[J].Kind, B.Calls[J].Kind);
      EXPECT_EQ(A.Calls[J].Once, B.Calls[J].Once);
      EXPECT_EQ(A.Calls[J].Loc, B.Calls[J].Loc);
      EXPECT_TRUE(sameOrigins(A.Calls[J].Args, B.Calls[J].Args));
      EXPECT_TRUE(sameOrigin(A.Calls[J].Object, B.Calls[J].Object));
    }
    ASSERT_EQ(A.Matches.size(), B.Matches.size());
    for (size_t J = 0; J < A.Matches.size(); ++J) {
      EXPECT_EQ(A.Matches[J].EntryId, B.Matches[J].EntryId);
      EXPECT_EQ(A.Matches[J].Once, B.Matches[J].Once);
      EXPECT_EQ(A.Matches[J].Condition, B.Matches[J].Condition);
      EXPECT_EQ(A.Matches[J].ArgIndexes, B.Matches[J].ArgIndexes);
      EXPECT_TRUE(sameOrigins(A.Matches[J].Args, B.Matches[J].Args));
    }
  }
  EXPECT_EQ(Back->Handlers[1].Kind, HandlerKind::PollingLoop);
  EXPECT_EQ(Back->Handlers[1].HandlerUSR, S.Handlers[1].HandlerUSR);
}

TEST(SummaryIO, MalformedDocumentsNameTheProblem) {
  auto Bad = summaryFromJSON("{\"version\": 1", "a.json");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "a.json: not valid JSON");

  auto Missing = summaryFromJSON(
      R"({"version": 4, "mainFile": "/m.cpp", "hadErrors": false,
          "errorCount": 0, "functions": [{"usr": "c:@F@f"}], "handlers": [],
          "flows": [], "literals": []})",
      "b.json");
  ASSERT_FALSE(bool(Missing));
  EXPECT_EQ(llvm::toString(Missing.takeError()), "b.json: missing \"name\"");

  auto Range = summaryFromJSON(
      R"({"version": 4, "mainFile": "/m.cpp", "hadErrors": false,
          "errorCount": 0, "functions": [], "handlers": [
          {"usr": "u", "name": "n", "kind": 9, "loc": ["/m.cpp", 1, 1]}],
          "flows": [], "literals": []})",
      "c.json");
  ASSERT_FALSE(bool(Range));
  EXPECT_EQ(llvm::toString(Range.takeError()),
            "c.json: \"kind\" is out of range");
}

// A corrupted cache must not smuggle an enum value or a count through a
// narrowing conversion: 2^31 and 2^32 are out of range, not -2^31 or 0.
TEST(SummaryIO, HugeNumbersDoNotWrapIntoRange) {
  auto withKind = [](llvm::StringRef Kind) {
    return summaryFromJSON(
        (R"({"version": 4, "mainFile": "/m.cpp", "hadErrors": false,
          "errorCount": 0, "functions": [], "handlers": [
          {"usr": "u", "name": "n", "kind": )" +
         Kind + R"(, "loc": ["/m.cpp", 1, 1]}], "flows": [], "literals": []})")
            .str(),
        "k.json");
  };
  for (llvm::StringRef Kind : {"2147483648", "4294967296"}) {
    auto Wrapped = withKind(Kind);
    ASSERT_FALSE(bool(Wrapped)) << Kind.str();
    EXPECT_EQ(llvm::toString(Wrapped.takeError()),
              "k.json: \"kind\" is out of range");
  }
  auto Fits = withKind("1");
  ASSERT_TRUE(bool(Fits)) << llvm::toString(Fits.takeError());
  EXPECT_EQ(Fits->Handlers[0].Kind, HandlerKind(1));

  auto Count = summaryFromJSON(
      R"({"version": 4, "mainFile": "/m.cpp", "hadErrors": true,
          "errorCount": 4294967297, "functions": [], "handlers": [],
          "flows": [], "literals": []})",
      "e.json");
  ASSERT_FALSE(bool(Count));
  EXPECT_EQ(llvm::toString(Count.takeError()),
            "e.json: \"errorCount\" must be a count");
}

} // namespace
