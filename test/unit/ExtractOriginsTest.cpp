//===- ExtractOriginsTest.cpp - Where argument values come from -----------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

const ValueOrigin &argOf(const FunctionSummary &F, const std::string &Callee,
                         unsigned Site, unsigned Arg) {
  auto Calls = callsTo(F, Callee);
  static const ValueOrigin Missing;
  if (Site >= Calls.size() || Arg >= Calls[Site]->Args.size()) {
    ADD_FAILURE() << "no argument " << Arg << " at call " << Site << " of "
                  << Callee;
    return Missing;
  }
  return Calls[Site]->Args[Arg];
}

constexpr const char *Prelude = R"(
#include <string>
void use(const std::string &);
void useInt(int);
)";

TEST(ExtractOrigins, ConstantsAndConcatenationsOfConstants) {
  TUSummary S = summarize(std::string(Prelude) + R"(
constexpr int kLimit = 5;
const char *const kName = "orders";
const std::string kPrefix = "/etc/";
void f() {
  use("literal");
  useInt(kLimit);
  use(kName);
  use(kPrefix + "conf");
  const std::string Local = "x";
  use(Local);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  for (unsigned I = 0; I < 4; ++I) {
    const ValueOrigin &O = argOf(*F, "use", I, 0);
    EXPECT_TRUE(O.Constant) << "use #" << I;
    EXPECT_EQ(O.ParamMask, 0u);
    EXPECT_FALSE(O.Other);
  }
  EXPECT_TRUE(argOf(*F, "useInt", 0, 0).Constant);
}

TEST(ExtractOrigins, ParametersFlowThroughLocalsToAFixpoint) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Req { std::string body; std::string id() const; };
void f(int Unused, const Req &R) {
  std::string A = R.body;
  std::string B;
  B = "k:";
  B += A;
  std::string C = B.substr(1);
  use(C);
  use(R.id());
  use(std::string("p") + R.body);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  for (unsigned I = 0; I < 3; ++I) {
    const ValueOrigin &O = argOf(*F, "use", I, 0);
    EXPECT_FALSE(O.Constant) << "use #" << I;
    EXPECT_EQ(O.ParamMask, 2u) << "use #" << I << " depends on R only";
  }
}

TEST(ExtractOrigins, OtherSourcesAreNeitherConstantNorParameters) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <cstdlib>
std::string gMutable = "g";
std::string read();
void f() {
  use(gMutable);
  use(std::getenv("TABLE"));
  use(read());
  std::string Filled;
  Filled.append(read());
  use(Filled);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  for (unsigned I = 0; I < 4; ++I) {
    const ValueOrigin &O = argOf(*F, "use", I, 0);
    EXPECT_FALSE(O.Constant) << "use #" << I;
    EXPECT_TRUE(O.Other) << "use #" << I;
    EXPECT_EQ(O.ParamMask, 0u) << "use #" << I;
  }
}

TEST(ExtractOrigins, OutParametersTakeTheCallsOrigin) {
  TUSummary S = summarize(std::string(Prelude) + R"(
void fill(std::string &Out, const std::string &From);
void f(const std::string &P) {
  std::string Path;
  fill(Path, P);
  use(Path);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  const ValueOrigin &O = argOf(*F, "use", 0, 0);
  EXPECT_FALSE(O.Constant) << "written by a call, not a constant";
  EXPECT_EQ(O.ParamMask, 1u);
}

TEST(ExtractOrigins, LambdaCapturesAreNotTheLambdasParameters) {
  TUSummary S = summarize(std::string(Prelude) + R"(
void f(const std::string &Outer) {
  std::string Copy = Outer;
  auto L = [Copy](const std::string &Own) { use(Copy); use(Own); };
  L("x");
}
)");
  const FunctionSummary *L = function(S, "f::lambda");
  ASSERT_NE(L, nullptr);
  const ValueOrigin &Captured = argOf(*L, "use", 0, 0);
  EXPECT_EQ(Captured.ParamMask, 0u);
  EXPECT_TRUE(Captured.Other);
  EXPECT_FALSE(Captured.Constant);
  EXPECT_EQ(argOf(*L, "use", 1, 0).ParamMask, 1u);
}

TEST(ExtractOrigins, PollingLoopEventDataSetsTheLoopBit) {
  TUSummary S = summarize(R"(
#include <aws/lambda-runtime/runtime.h>
void use(const std::string &);
int main(int argc, char **argv) {
  aws::lambda_runtime::runtime rt("endpoint");
  std::string Fixed = argv[0];
  while (true) {
    auto Next = rt.get_next();
    const auto &Req = Next.get_result();
    std::string Body = Req.payload;
    use(Body);
    use(Fixed);
    use("const");
    rt.post_success(Req.request_id,
                    aws::lambda_runtime::invocation_response::success(
                        Body, "text/plain"));
  }
}
)");
  const FunctionSummary *Loop = nullptr;
  for (const FunctionSummary &F : S.Functions)
    if (F.QualifiedName == "main::loop")
      Loop = &F;
  ASSERT_NE(Loop, nullptr);
  constexpr uint64_t Bit = uint64_t(1) << ValueOrigin::LoopRequestBit;
  EXPECT_EQ(argOf(*Loop, "use", 0, 0).ParamMask, Bit);
  const ValueOrigin &Fixed = argOf(*Loop, "use", 1, 0);
  EXPECT_EQ(Fixed.ParamMask, 0u) << "main's argv is not request data";
  EXPECT_TRUE(Fixed.Other);
  EXPECT_TRUE(argOf(*Loop, "use", 2, 0).Constant);
}

} // namespace
