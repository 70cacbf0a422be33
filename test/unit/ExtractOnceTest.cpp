//===- ExtractOnceTest.cpp - Once-guarded sites and their negatives -------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

OnceKind onceOf(const TUSummary &S, const std::string &Fn,
                const std::string &Callee, unsigned Site = 0) {
  const FunctionSummary *F = function(S, Fn);
  if (!F) {
    ADD_FAILURE() << "no function " << Fn;
    return OnceKind::None;
  }
  auto Calls = callsTo(*F, Callee);
  if (Site >= Calls.size()) {
    ADD_FAILURE() << "no call " << Site << " to " << Callee << " in " << Fn;
    return OnceKind::None;
  }
  return Calls[Site]->Once;
}

constexpr const char *Prelude = R"(
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
struct Conn { Conn(); };
Conn *connect();
int expensive();
void cheap();
)";

TEST(ExtractOnce, FunctionLocalStaticInitialiser) {
  TUSummary S = summarize(std::string(Prelude) + R"(
void f() {
  static int V = expensive();
  static int W = [] { return expensive(); }();
  int X = expensive();
  (void)V; (void)W; (void)X;
}
)");
  EXPECT_EQ(onceOf(S, "f", "expensive", 0), OnceKind::StaticLocalInit);
  EXPECT_EQ(onceOf(S, "f", "f::lambda", 0), OnceKind::StaticLocalInit);
  EXPECT_EQ(onceOf(S, "f", "expensive", 1), OnceKind::None);
}

TEST(ExtractOnce, CallOnceCallable) {
  TUSummary S = summarize(std::string(Prelude) + R"(
std::once_flag Flag;
void init() { expensive(); }
void f() {
  std::call_once(Flag, [] { expensive(); });
  std::call_once(Flag, init);
  auto Later = [] { cheap(); };
  std::call_once(Flag, Later);
  init();
}
)");
  EXPECT_EQ(onceOf(S, "f", "f::lambda", 0), OnceKind::CallOnce);
  EXPECT_EQ(onceOf(S, "f", "init", 0), OnceKind::CallOnce);
  EXPECT_EQ(onceOf(S, "f", "f::lambda", 1), OnceKind::CallOnce);
  EXPECT_EQ(onceOf(S, "f", "init", 1), OnceKind::None);
}

TEST(ExtractOnce, CallOnceOfAnotherNamespaceRunsEveryTime) {
  TUSummary S = summarize(std::string(Prelude) + R"(
namespace mine {
template <typename F> void call_once(int, F &&Fn) { Fn(); }
}
void init() { expensive(); }
void f() { mine::call_once(0, init); }
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Calls = callsTo(*F, "mine::call_once<void (&)()>");
  ASSERT_EQ(Calls.size(), 1u);
  EXPECT_EQ(Calls[0]->Once, OnceKind::None);
  for (const CallSite &C : F->Calls)
    EXPECT_EQ(C.Once, OnceKind::None) << C.CalleeName;
}

TEST(ExtractOnce, LazyInitGuards) {
  TUSummary S = summarize(std::string(Prelude) + R"(
Conn *gConn = nullptr;
std::unique_ptr<Conn> gOwned;
std::optional<int> gValue;
bool gReady = false;
std::string tableName();
std::string gTable;
std::atomic<bool> gInited{false};
std::unique_ptr<Conn> gHeld;
struct Service {
  std::shared_ptr<Conn> C;
  void handle() {
    if (!C) { C = std::make_shared<Conn>(); }
  }
};
void f() {
  if (!gConn) { gConn = connect(); }
  if (gOwned == nullptr) gOwned.reset(connect());
  if (!gValue.has_value()) gValue.emplace(expensive());
  if (!gReady) { expensive(); gReady = true; }
  if (gTable.empty()) gTable = tableName();
  if (!gInited.load()) { expensive(); gInited.store(true); }
  if (gHeld.get() == nullptr) gHeld.reset(connect());
}
)");
  EXPECT_EQ(onceOf(S, "f", "expensive", 2), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 2), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "tableName", 0), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 0), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 1), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "expensive", 0), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "expensive", 1), OnceKind::LazyInitGuard);
  // Once only if the Service outlives the invocation: linking decides.
  EXPECT_EQ(onceOf(S, "Service::handle", "Conn::Conn", 0),
            OnceKind::LazyInitMember);
}

TEST(ExtractOnce, RebuiltWhenBroken) {
  TUSummary S = summarize(std::string(Prelude) + R"(
Conn *gConn = nullptr;
Conn *gOther = nullptr;
bool healthy(Conn *);
Conn *reuse() {
  if (gConn && healthy(gConn))
    return gConn;
  gConn = connect();
  return gConn;
}
void f(bool Fresh) {
  if (gConn == nullptr || !healthy(gConn)) { gConn = connect(); }
  // Neither side tests whether it is missing.
  if (Fresh || !healthy(gOther)) { gOther = connect(); }
  // Only while it is missing.
  if (!gOther && Fresh) { gOther = connect(); }
  // The block does not build what is tested.
  if (!gConn || Fresh) { connect(); }
}
)");
  EXPECT_EQ(onceOf(S, "reuse", "connect", 0), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 0), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 1), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "connect", 2), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "connect", 3), OnceKind::None);
}

TEST(ExtractOnce, NotLazyInitGuards) {
  TUSummary S = summarize(std::string(Prelude) + R"(
Conn *gConn = nullptr;
Conn *gOther = nullptr;
bool gFlag = false;
std::string gName;
void f(bool Fresh) {
  // Testing emptiness without filling it.
  if (gName.empty()) { cheap(); }
  // An unrelated condition.
  if (Fresh) { gConn = connect(); }
  // The block does not initialise the tested variable.
  if (!gConn) { gOther = connect(); }
  // A local is not state that survives the invocation.
  Conn *Local = nullptr;
  if (!Local) { Local = connect(); }
  // Tests the flag but never sets it.
  if (!gFlag) { expensive(); }
  // The else branch of a guard runs every time.
  if (!gConn) { gConn = connect(); } else { cheap(); }
}
)");
  EXPECT_EQ(onceOf(S, "f", "connect", 0), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "connect", 1), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "connect", 2), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "expensive", 0), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "connect", 3), OnceKind::LazyInitGuard);
  EXPECT_EQ(onceOf(S, "f", "cheap", 0), OnceKind::None);
  EXPECT_EQ(onceOf(S, "f", "cheap", 1), OnceKind::None);
}

} // namespace
