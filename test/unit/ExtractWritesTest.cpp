//===- ExtractWritesTest.cpp - Writes to state and what they land in ------===//

#include "ExtractTestSupport.h"

using namespace brisk;
using namespace brisk::test;

namespace {

constexpr const char *Prelude = R"(
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
std::string input();
)";

std::vector<const StateWrite *> writesTo(const FunctionSummary &F,
                                         const std::string &Name) {
  std::vector<const StateWrite *> Out;
  for (const StateWrite &W : F.Writes)
    if (W.Target.Name + W.Target.Path == Name)
      Out.push_back(&W);
  return Out;
}

const StateWrite *onlyWrite(const TUSummary &S, const std::string &Fn,
                            const std::string &Target) {
  const FunctionSummary *F = function(S, Fn);
  if (!F) {
    ADD_FAILURE() << "no function " << Fn;
    return nullptr;
  }
  auto Ws = writesTo(*F, Target);
  if (Ws.size() != 1) {
    ADD_FAILURE() << Ws.size() << " writes to " << Target << " in " << Fn;
    return nullptr;
  }
  return Ws.front();
}

TEST(ExtractWrites, KindsOfWritesToGlobals) {
  TUSummary S = summarize(std::string(Prelude) + R"(
int gCount;
double gTotal;
std::string gName;
std::vector<int> gList;
std::map<std::string, int> gMap;
void f(int X) {
  ++gCount;
  gTotal += X;
  gName = input();
  gList.push_back(X);
  gList.clear();
  gMap[input()] = X;
  gMap.erase("k");
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(F->Writes.size(), 7u);
  EXPECT_EQ(onlyWrite(S, "f", "gCount")->Kind, WriteKind::Increment);
  EXPECT_EQ(onlyWrite(S, "f", "gTotal")->Kind, WriteKind::Increment);
  const StateWrite *Name = onlyWrite(S, "f", "gName");
  ASSERT_NE(Name, nullptr);
  EXPECT_EQ(Name->Kind, WriteKind::Assign);
  EXPECT_TRUE(Name->Value.Other);
  EXPECT_TRUE(Name->Resets); // a whole new string
  auto List = writesTo(*F, "gList");
  ASSERT_EQ(List.size(), 2u);
  EXPECT_EQ(List[0]->Kind, WriteKind::Insert);
  EXPECT_EQ(List[0]->Value.ParamMask, 1u); // the parameter's value
  EXPECT_EQ(List[1]->Kind, WriteKind::Remove);
  auto Map = writesTo(*F, "gMap");
  ASSERT_EQ(Map.size(), 2u);
  // m[k] = v inserts k: one write, keyed, not also an assignment.
  EXPECT_EQ(Map[0]->Kind, WriteKind::Insert);
  EXPECT_TRUE(Map[0]->Keyed);
  EXPECT_TRUE(Map[0]->Key.Other);
  EXPECT_EQ(Map[1]->Kind, WriteKind::Remove);
}

TEST(ExtractWrites, AnEntryBoundToAReferenceIsInsertedWhereItIsBound) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Entry { int Hits = 0; };
std::map<std::string, Entry> gSessions;
void f(int X) {
  Entry &E = gSessions[input()];
  ++E.Hits;
  E.Hits += X;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  const StateWrite *Insert = onlyWrite(S, "f", "gSessions");
  ASSERT_NE(Insert, nullptr);
  EXPECT_EQ(Insert->Kind, WriteKind::Insert);
  EXPECT_TRUE(Insert->Keyed);
  // Through the reference: the entry exists; its member is incremented.
  auto Hits = writesTo(*F, "gSessions.Hits");
  ASSERT_EQ(Hits.size(), 2u);
  for (const StateWrite *W : Hits) {
    EXPECT_EQ(W->Kind, WriteKind::Increment);
    EXPECT_FALSE(W->Keyed);
  }
}

TEST(ExtractWrites, LocalsConstAndTheRequestAreNotState) {
  TUSummary S = summarize(std::string(Prelude) + R"(
const std::string kName = "x";
struct Req { std::string Body; };
void f(Req R, Req &Out) {
  std::vector<int> Local;
  Local.push_back(1);
  int N = 0;
  ++N;
  R.Body = "copy";
  Out.Body = "through a reference";
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  // Only the write through the reference parameter is kept, for linking to
  // map onto what callers pass.
  ASSERT_EQ(F->Writes.size(), 1u);
  EXPECT_EQ(F->Writes[0].Target.Root, RefRoot::Param);
  EXPECT_EQ(F->Writes[0].Target.Index, 1u);
  EXPECT_EQ(F->Writes[0].Target.Path, ".Body");
}

TEST(ExtractWrites, AliasesAndPathsLeadToTheGlobal) {
  TUSummary S = summarize(std::string(Prelude) + R"(
struct Cache { std::map<std::string, int> Items; int Hits = 0; };
Cache gCache;
std::unique_ptr<Cache> gOwned;
Cache &instance() { static Cache C; return C; }
void f() {
  auto &Ref = gCache;
  Ref.Items["a"] = 1;
  Cache *Ptr = &gCache;
  Ptr->Hits++;
  gOwned->Hits = 2;
  for (auto &Entry : gCache.Items)
    Entry.second = 0;
  instance().Hits++;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(writesTo(*F, "gCache.Items").size(), 2u);
  EXPECT_EQ(writesTo(*F, "gCache.Hits").size(), 1u);
  EXPECT_EQ(writesTo(*F, "gOwned.Hits").size(), 1u);
  // What instance() returns is known only once linked: the call's result,
  // and instance() says it returns its static.
  bool ThroughCall = false;
  for (const StateWrite &W : F->Writes)
    if (W.Target.Root == RefRoot::CallResult) {
      ThroughCall = true;
      ASSERT_LT(W.Target.Index, F->Calls.size());
      EXPECT_EQ(F->Calls[W.Target.Index].CalleeName, "instance");
      EXPECT_EQ(W.Target.Path, ".Hits");
    }
  EXPECT_TRUE(ThroughCall);
  const FunctionSummary *I = function(S, "instance");
  ASSERT_NE(I, nullptr);
  EXPECT_EQ(I->ReturnRef.Root, RefRoot::Global);
  EXPECT_EQ(I->ReturnRef.Name, "C");
}

TEST(ExtractWrites, CallsRecordWhatTheyPassByReference) {
  TUSummary S = summarize(std::string(Prelude) + R"(
std::vector<std::string> gLog;
struct Service { std::vector<int> Seen; void add(int X) { Seen.push_back(X); } };
Service gService;
void remember(std::vector<std::string> &Log, const std::string &S) {
  Log.push_back(S);
}
void f(const std::string &Body) {
  remember(gLog, Body);
  gService.add(1);
  Service Local;
  Local.add(2);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Remember = callsTo(*F, "remember");
  ASSERT_EQ(Remember.size(), 1u);
  ASSERT_EQ(Remember[0]->ArgRefs.size(), 2u);
  EXPECT_EQ(Remember[0]->ArgRefs[0].Root, RefRoot::Global);
  EXPECT_EQ(Remember[0]->ArgRefs[0].Name, "gLog");
  EXPECT_EQ(Remember[0]->ArgRefs[1].Root, RefRoot::None); // const &
  ASSERT_EQ(Remember[0]->ArgTexts.size(), 2u);
  EXPECT_EQ(Remember[0]->ArgTexts[1], "Body");
  auto Adds = callsTo(*F, "Service::add");
  ASSERT_EQ(Adds.size(), 2u);
  EXPECT_EQ(Adds[0]->ObjectRef.Root, RefRoot::Global);
  EXPECT_EQ(Adds[1]->ObjectRef.Root, RefRoot::Local);
  const FunctionSummary *Add = function(S, "Service::add");
  ASSERT_NE(Add, nullptr);
  ASSERT_EQ(Add->Writes.size(), 1u);
  EXPECT_EQ(Add->Writes[0].Target.Root, RefRoot::Param);
  EXPECT_EQ(Add->Writes[0].Target.Index, ValueOrigin::ThisBit);
}

TEST(ExtractWrites, LocksAndAtomics) {
  TUSummary S = summarize(std::string(Prelude) + R"(
std::mutex gMutex;
int gA, gB, gC, gD;
std::atomic<int> gHits;
void f() {
  {
    std::lock_guard<std::mutex> Lock(gMutex);
    ++gA;
  }
  ++gB;
  gMutex.lock();
  ++gC;
  gMutex.unlock();
  ++gD;
  gHits.fetch_add(1);
  std::unique_lock<std::mutex> Later(gMutex, std::defer_lock);
  ++gA;
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto A = writesTo(*F, "gA");
  ASSERT_EQ(A.size(), 2u);
  EXPECT_TRUE(A[0]->Locked);
  EXPECT_FALSE(A[1]->Locked); // deferred: not locked
  EXPECT_FALSE(onlyWrite(S, "f", "gB")->Locked);
  EXPECT_TRUE(onlyWrite(S, "f", "gC")->Locked);
  EXPECT_FALSE(onlyWrite(S, "f", "gD")->Locked);
  const StateWrite *Hits = onlyWrite(S, "f", "gHits");
  ASSERT_NE(Hits, nullptr);
  EXPECT_TRUE(Hits->Atomic);
  EXPECT_EQ(Hits->Kind, WriteKind::Increment);
}

TEST(ExtractWrites, OnceGuardsOfWrites) {
  TUSummary S = summarize(std::string(Prelude) + R"(
bool gCold = true;
std::atomic<bool> gStarted{false};
std::string gRegion;
std::unique_ptr<int> gClient;
int gCount;
void f() {
  if (gCold) { gCold = false; ++gCount; }
  if (!gStarted.exchange(true)) { gRegion = input(); }
}
int &client() {
  if (gClient) return *gClient;
  gClient = std::make_unique<int>(1);
  return *gClient;
}
)");
  EXPECT_EQ(onlyWrite(S, "f", "gCold")->Once, OnceKind::LazyInitGuard);
  EXPECT_EQ(onlyWrite(S, "f", "gCount")->Once, OnceKind::LazyInitGuard);
  EXPECT_EQ(onlyWrite(S, "f", "gRegion")->Once, OnceKind::LazyInitGuard);
  // The exchange itself runs every time: an atomic write of a constant.
  const StateWrite *Started = onlyWrite(S, "f", "gStarted");
  ASSERT_NE(Started, nullptr);
  EXPECT_EQ(Started->Once, OnceKind::None);
  EXPECT_TRUE(Started->Atomic);
  // An early return when initialised guards what follows it.
  EXPECT_EQ(onlyWrite(S, "client", "gClient")->Once, OnceKind::LazyInitGuard);
}

TEST(ExtractWrites, ConstantsAreSpelledForIdempotence) {
  TUSummary S = summarize(std::string(Prelude) + R"(
enum class Mode { Idle, Busy };
Mode gMode;
std::map<std::string, std::string> gConfig;
void f() {
  gMode = Mode::Busy;
  gConfig["region"] = "eu-west-1";
}
)");
  const StateWrite *M = onlyWrite(S, "f", "gMode");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->ConstantValue, "Mode::Busy");
  const StateWrite *C = onlyWrite(S, "f", "gConfig");
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(C->ConstantKey, "\"region\"");
  EXPECT_EQ(C->ConstantValue, "\"eu-west-1\"");
}

TEST(ExtractWrites, CapturedLocalsOfAnEnclosingFunction) {
  TUSummary S = summarize(std::string(Prelude) + R"(
void take(void (*)());
template <typename F> void serve(F Fn) { Fn(); }
int main() {
  std::vector<std::string> Seen;
  int Copy = 0;
  serve([&Seen, Copy]() mutable { Seen.push_back("x"); ++Copy; });
}
)");
  const FunctionSummary *L = function(S, "main::lambda");
  ASSERT_NE(L, nullptr);
  ASSERT_EQ(L->Writes.size(), 1u); // the copy is the lambda's own
  EXPECT_EQ(L->Writes[0].Target.Root, RefRoot::Captured);
  EXPECT_EQ(L->Writes[0].Target.Name, "Seen");
  const FunctionSummary *Main = function(S, "main");
  ASSERT_NE(Main, nullptr);
  EXPECT_EQ(L->Writes[0].Target.Owner, Main->USR);
}

TEST(ExtractWrites, AChainOfStreamInsertionsIsOneWrite) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <sstream>
std::ostringstream gLog;
std::string gText;
void f(const std::string &Id) {
  gLog << "request " << Id << '\n';
  (gText += "a") += Id;
}
)");
  const StateWrite *Log = onlyWrite(S, "f", "gLog");
  ASSERT_NE(Log, nullptr);
  EXPECT_EQ(Log->Kind, WriteKind::Insert);
  EXPECT_EQ(Log->Loc.Column, 8u); // where the chain starts
  EXPECT_EQ(Log->Value.ParamMask, 1u);
  const StateWrite *Text = onlyWrite(S, "f", "gText");
  ASSERT_NE(Text, nullptr);
  EXPECT_EQ(Text->Value.ParamMask, 1u);
}

TEST(ExtractWrites, CWriterFunctions) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <cstdio>
#include <cstring>
char gBuffer[64];
void f(const char *Body) {
  std::snprintf(gBuffer, sizeof gBuffer, "%s", Body);
  std::memset(gBuffer, 0, sizeof gBuffer);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Ws = writesTo(*F, "gBuffer");
  ASSERT_EQ(Ws.size(), 2u);
  EXPECT_EQ(Ws[0]->Value.ParamMask, 1u);
  EXPECT_TRUE(Ws[1]->Value.Constant);
}

TEST(ExtractSites, ForkedChildAndDiscardedResults) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <cstdlib>
#include <future>
#include <unistd.h>
void work();
void f() {
  pid_t Pid = fork();
  if (Pid == 0) {
    _exit(127);
  }
  std::async(std::launch::async, work);
  auto Kept = std::async(std::launch::async, work);
  exit(1);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Exits = matches(*F, "_exit");
  ASSERT_EQ(Exits.size(), 1u);
  EXPECT_TRUE(Exits[0]->InForkedChild);
  auto Exit = matches(*F, "exit");
  ASSERT_EQ(Exit.size(), 1u);
  EXPECT_FALSE(Exit[0]->InForkedChild);
  // Only the std::async whose future is dropped matches.
  EXPECT_EQ(matches(*F, "std-async-discarded").size(), 1u);
}

TEST(ExtractSites, PathFactsOfTmpFiles) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ctime>
void f(const std::string &Id) {
  std::string Path = "/tmp/order-" + Id + ".json";
  std::ofstream Out(Path);
  std::ofstream Fixed("/tmp/cache.json");
  std::ofstream Timed("/tmp/t-" + std::to_string(std::time(nullptr)));
  auto Dir = std::filesystem::temp_directory_path() / "scratch";
  std::filesystem::create_directories(Dir);
  std::remove(Path.c_str());
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Creates = matches(*F, "tmp-ofstream");
  ASSERT_EQ(Creates.size(), 3u);
  ASSERT_EQ(Creates[0]->ArgStrings.size(), 1u);
  EXPECT_EQ(Creates[0]->ArgStrings[0].Prefix, "/tmp/order-");
  EXPECT_FALSE(Creates[0]->ArgStrings[0].Complete);
  EXPECT_EQ(Creates[0]->Args[0].ParamMask, 1u);
  EXPECT_EQ(Creates[1]->ArgStrings[0].Prefix, "/tmp/cache.json");
  EXPECT_TRUE(Creates[1]->ArgStrings[0].Complete);
  EXPECT_EQ(Creates[2]->ArgStrings[0].Sources,
            std::vector<std::string>{"tmp-unique-time"});
  auto Dirs = matches(*F, "tmp-filesystem-create-directories");
  ASSERT_EQ(Dirs.size(), 1u);
  EXPECT_EQ(Dirs[0]->ArgStrings[0].Prefix, "/tmp/scratch");
  auto Removes = matches(*F, "tmp-remove");
  ASSERT_EQ(Removes.size(), 1u);
  // The removal and the creation are built from the same variable.
  const std::vector<std::string> &Names = Removes[0]->ArgStrings[0].Names;
  ASSERT_FALSE(Names.empty());
  EXPECT_TRUE(llvm::is_contained(Creates[0]->ArgStrings[0].Names, Names[0]));
}

TEST(ExtractSites, StaticLocalFixCandidates) {
  TUSummary S = summarize(std::string(Prelude) + R"(
#include <regex>
bool f(const std::string &S) {
  std::regex Once("[0-9]+");
  std::regex Changed("a");
  Changed.assign("b");
  std::regex A("x"), B("y");
  return std::regex_search(S, Once) && std::regex_search(S, Changed);
}
)");
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Regexes = matches(*F, "std-regex");
  ASSERT_EQ(Regexes.size(), 4u);
  EXPECT_EQ(Regexes[0]->FixText, "static const ");
  EXPECT_EQ(Regexes[0]->FixLoc.Line, Regexes[0]->Loc.Line);
  EXPECT_EQ(Regexes[0]->FixLoc.Column, 3u);
  EXPECT_TRUE(Regexes[0]->FixRequires.Constant);
  // Changed after construction, or declared with another: no fix.
  EXPECT_EQ(Regexes[1]->FixText, "");
  EXPECT_EQ(Regexes[2]->FixText, "");
  EXPECT_EQ(Regexes[3]->FixText, "");
}

TEST(ExtractSites, CredentialLiteralsAndTheirPlace) {
  TUSummary S = summarize(R"(
#include <string>
struct Creds { Creds(const std::string &, const std::string &); };
Creds Pair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
const char *Id = "ASIAQWERTYUIOPASDFGH";
const char *Lookalikes[] = {"AKIA", "ASIA-PACIFIC-ORDERS-TABLE",
                            "AKIAXXXXXXXXXXXXXXXX",
                            "da39a3ee5e6b4b0d3255bfef95601890afd80709"};
)");
  ASSERT_EQ(S.Literals.size(), 3u);
  EXPECT_EQ(S.Literals[0].PatternId, "aws-access-key-id");
  EXPECT_EQ(S.Literals[1].PatternId, "aws-secret-access-key");
  EXPECT_EQ(S.Literals[0].Group, S.Literals[1].Group);
  EXPECT_EQ(S.Literals[2].PatternId, "aws-access-key-id");
  EXPECT_EQ(S.Literals[2].Loc.Line, 5u);
}

TEST(ExtractCalls, TemplateInstantiationsConstructWhatTheyAreGiven) {
  TUSummary S = summarize(R"(
#include <aws/s3/S3Client.h>
#include <memory>
struct Container {
  template <typename T> std::shared_ptr<T> get() {
    return std::make_shared<T>();
  }
};
void f(Container &C) { C.get<Aws::S3::S3Client>(); }
)");
  const FunctionSummary *Get = function(S, "Container::get<Aws::S3::S3Client>");
  ASSERT_NE(Get, nullptr);
  EXPECT_EQ(matches(*Get, "aws-sdk-client").size(), 1u);
  const FunctionSummary *F = function(S, "f");
  ASSERT_NE(F, nullptr);
  auto Calls = callsTo(*F, "Container::get<Aws::S3::S3Client>");
  ASSERT_EQ(Calls.size(), 1u);
  EXPECT_EQ(Calls[0]->CalleeUSR, Get->USR);
}

} // namespace
