//===- ReturnedStringsTest.cpp - Paths that helpers build and return ------===//

#include "model/ReturnedStrings.h"
#include "ExtractTestSupport.h"
#include "model/ProgramModel.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

constexpr const char *Code = R"(
#include <cstdio>
#include <fstream>
#include <string>
std::string tmpPath(int Slot, const std::string &Id) {
  return "/tmp/in-" + Id + std::to_string(Slot);
}
std::string pick(bool B) {
  if (B)
    return "/tmp/a-x";
  return "/tmp/a-y";
}
std::string wrapped(const std::string &Id) { return tmpPath(1, Id); }
void g(const std::string &Id) {
  std::string L = wrapped(Id);
  std::remove(L.c_str());
  std::ofstream Out(tmpPath(2, Id) + ".part");
}
)";

const StringFacts &pathOf(const TUSummary &S, const std::string &Entry) {
  auto Ms = matches(*function(S, "g"), Entry);
  EXPECT_EQ(Ms.size(), 1u);
  EXPECT_EQ(Ms[0]->ArgStrings.size(), 1u);
  return Ms[0]->ArgStrings[0];
}

TEST(ReturnedStrings, ExtractionRecordsWhatFunctionsReturn) {
  TUSummary S = summarize(Code);
  const FunctionSummary *Tmp = function(S, "tmpPath");
  ASSERT_NE(Tmp, nullptr);
  EXPECT_EQ(Tmp->ReturnString.Prefix, "/tmp/in-");
  EXPECT_FALSE(Tmp->ReturnString.Complete);
  EXPECT_TRUE(llvm::is_contained(Tmp->ReturnString.Names, "param:1"));
  // Returns that differ keep the start they share.
  const FunctionSummary *Pick = function(S, "pick");
  ASSERT_NE(Pick, nullptr);
  EXPECT_EQ(Pick->ReturnString.Prefix, "/tmp/a-");
  EXPECT_FALSE(Pick->ReturnString.Complete);
  // A call's result is named, and a string starting with one says so.
  const StringFacts &Created = pathOf(S, "tmp-ofstream");
  EXPECT_EQ(Created.Prefix, "");
  EXPECT_EQ(Created.PrefixCall, Tmp->USR);
  EXPECT_TRUE(llvm::is_contained(Created.Names, "result:" + Tmp->USR));
}

TEST(ReturnedStrings, LinkingPutsInWhatHelpersReturn) {
  std::vector<TUSummary> Summaries;
  Summaries.push_back(summarize(Code));
  const TUSummary &S = Summaries.front();
  StringFacts Removed = pathOf(S, "tmp-remove");
  StringFacts Created = pathOf(S, "tmp-ofstream");
  std::string TmpUSR = function(S, "tmpPath")->USR;
  std::string GUSR = function(S, "g")->USR;
  ProgramModel M = cantFail(ProgramModel::build(std::move(Summaries), {}));
  long G = M.resolve(0, GUSR);
  ASSERT_GE(G, 0);
  // Two calls deep: g's local comes from wrapped(), which returns what
  // tmpPath() builds.
  StringFacts R = withReturnedStrings(M, G, Removed);
  EXPECT_EQ(R.Prefix, "/tmp/in-");
  EXPECT_FALSE(R.Complete);
  EXPECT_TRUE(llvm::is_contained(R.Names, "result:" + TmpUSR));
  // The helpers' parameters are their own frames' and stay out.
  EXPECT_FALSE(llvm::is_contained(R.Names, "param:1"));
  StringFacts C = withReturnedStrings(M, G, Created);
  EXPECT_EQ(C.Prefix, "/tmp/in-");
  EXPECT_TRUE(C.PrefixCall.empty());
}

} // namespace
