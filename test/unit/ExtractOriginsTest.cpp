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

TEST(ExtractOrigins, ObjectStateIsTheImplicitObjectPseudoParameter) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Db {
  std::string Conn;
  explicit Db(std::string C) : Conn(C) { use(Conn); }
  void connect() const { use(Conn); use(this->Conn); useInt(Port); }
  int Port = 5432;
  void run(const std::string &X) { connect(); use(X); }
};
void f(const std::string &P, std::string Q) {
  Db A(P);
  A.connect();
  Db B("host=db");
  B.connect();
  Db C("x");
  C.Conn = Q;
  C.connect();
}
void g(const std::string &P) {
  auto L = [&P] { use(P); };
  L();
}
)");
  constexpr uint64_t ThisBit = uint64_t(1) << ValueOrigin::ThisBit;
  const FunctionSummary *Connect = function(S, "Db::connect");
  ASSERT_NE(Connect, nullptr);
  EXPECT_EQ(argOf(*Connect, "use", 0, 0).ParamMask, ThisBit);
  EXPECT_FALSE(argOf(*Connect, "use", 0, 0).Other);
  EXPECT_EQ(argOf(*Connect, "use", 1, 0).ParamMask, ThisBit);
  EXPECT_EQ(argOf(*Connect, "useInt", 0, 0).ParamMask, ThisBit);
  const FunctionSummary *Ctor = function(S, "Db::Db");
  ASSERT_NE(Ctor, nullptr);
  EXPECT_EQ(argOf(*Ctor, "use", 0, 0).ParamMask, ThisBit);
  const FunctionSummary *Run = function(S, "Db::run");
  ASSERT_NE(Run, nullptr);
  auto Inner = callsTo(*Run, "Db::connect");
  ASSERT_EQ(Inner.size(), 1u);
  EXPECT_EQ(Inner[0]->Object.ParamMask, ThisBit) << "this->connect()";

  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Ctors = callsTo(*F, "Db::Db");
  ASSERT_EQ(Ctors.size(), 3u);
  EXPECT_EQ(Ctors[0]->Object.ParamMask, 1u) << "built from P";
  EXPECT_EQ(Ctors[1]->Object.ParamMask, 0u);
  EXPECT_TRUE(Ctors[1]->Object.Constant) << "literal and constant default";
  auto Calls = callsTo(*F, "Db::connect");
  ASSERT_EQ(Calls.size(), 3u);
  EXPECT_EQ(Calls[0]->Object.ParamMask, 1u);
  EXPECT_EQ(Calls[1]->Object.ParamMask, 0u);
  EXPECT_EQ(Calls[2]->Object.ParamMask, 2u) << "a member written from Q";

  // A lambda's `this` would be its enclosing object's: never its own.
  const FunctionSummary *G = function(S, "g");
  ASSERT_NE(G, nullptr);
  for (const CallSite &C : G->Calls)
    EXPECT_EQ(C.Object.ParamMask & ThisBit, 0u) << C.CalleeName;
}

TEST(ExtractOrigins, AConstructorStoringOtherStateMakesItsObjectOther) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <cstdlib>
struct FromEnv {
  std::string Path;
  FromEnv() : Path(std::getenv("MODEL")) {}
};
struct AssignsEnv {
  std::string Path;
  AssignsEnv() { Path = std::getenv("MODEL"); }
};
struct FromArgs {
  std::string Path;
  explicit FromArgs(const std::string &P) : Path(P) { Path += ".bin"; }
};
void f() {
  FromEnv A;
  AssignsEnv B;
  FromArgs C("model");
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto A = callsTo(*F, "FromEnv::FromEnv");
  auto B = callsTo(*F, "AssignsEnv::AssignsEnv");
  auto C = callsTo(*F, "FromArgs::FromArgs");
  ASSERT_EQ(A.size(), 1u);
  ASSERT_EQ(B.size(), 1u);
  ASSERT_EQ(C.size(), 1u);
  EXPECT_TRUE(A[0]->Object.Other);
  EXPECT_TRUE(B[0]->Object.Other);
  EXPECT_FALSE(C[0]->Object.Other);
  EXPECT_TRUE(C[0]->Object.Constant);
}

} // namespace
