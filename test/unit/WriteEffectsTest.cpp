//===- WriteEffectsTest.cpp - Writes resolved through callees -------------===//

#include "model/WriteEffects.h"
#include "ModelTestUtil.h"
#include "model/Reachability.h"

#include <gtest/gtest.h>

using namespace brisk;
using namespace brisk::test;

namespace {

const std::string File = "/p/main.cpp";

StateRef global(const std::string &Name, std::string Path = "") {
  StateRef R;
  R.Root = RefRoot::Global;
  R.USR = "c:@" + Name;
  R.Name = Name;
  R.Path = std::move(Path);
  return R;
}

StateRef paramRef(unsigned I, std::string Path = "") {
  StateRef R;
  R.Root = RefRoot::Param;
  R.Index = I;
  R.Path = std::move(Path);
  return R;
}

StateRef localRef() {
  StateRef R;
  R.Root = RefRoot::Local;
  return R;
}

StateWrite write(StateRef Target, WriteKind Kind, SourceLoc Loc,
                 ValueOrigin Value = constant(),
                 OnceKind Once = OnceKind::None) {
  StateWrite W;
  W.Target = std::move(Target);
  W.Kind = Kind;
  W.Loc = std::move(Loc);
  W.Value = Value;
  W.Once = Once;
  return W;
}

ProgramModel build(std::vector<FunctionSummary> Fns) {
  return singleTUProgram(File, std::move(Fns));
}

NodeId node(const ProgramModel &M, const std::string &USR) {
  return nodeOf(M, USR);
}

TEST(WriteEffectsTest, ACalleesWriteThroughAParameterLandsAtTheCall) {
  // h calls remember(gLog, Req) and remember(Local, Req); remember pushes
  // its second parameter into its first.
  CallSite ToGlobal = call("remember", loc(File, 2, 3), {other(), param(0)});
  ToGlobal.ArgRefs = {global("gLog"), StateRef()};
  CallSite ToLocal = call("remember", loc(File, 3, 3), {other(), param(0)});
  ToLocal.ArgRefs = {localRef(), StateRef()};
  FunctionSummary Remember = fn("remember", loc(File, 10));
  Remember.Writes.push_back(
      write(paramRef(0), WriteKind::Insert, loc(File, 11, 5), param(1)));
  auto M = build({fn("h", loc(File, 1), {ToGlobal, ToLocal}), Remember});
  WriteEffects W = WriteEffects::compute(M);
  Reachability R = Reachability::compute(M);
  auto Effects = W.of(node(M, "h"));
  ASSERT_EQ(Effects.size(), 1u);
  const WriteEffect &E = Effects[0];
  EXPECT_EQ(E.Target.Name, "gLog");
  EXPECT_EQ(E.Kind, WriteKind::Insert);
  EXPECT_EQ(E.Loc, loc(File, 2, 3));
  EXPECT_EQ(E.WriteLoc, loc(File, 11, 5));
  EXPECT_EQ(E.Via, &M.node(node(M, "h")).Fn->Calls[0]);
  // The value is the handler's parameter: request data.
  EXPECT_TRUE(R.carriesRequest(node(M, "h"), E.Value));
}

TEST(WriteEffectsTest, MethodsWritingMembersMapOntoTheirObject) {
  CallSite Put = call("Cache::put", loc(File, 2, 10), {constant()});
  Put.ObjectRef = global("gCache");
  FunctionSummary PutFn = fn("Cache::put", loc(File, 10));
  PutFn.Writes.push_back(write(paramRef(ValueOrigin::ThisBit, ".Items"),
                               WriteKind::Insert, loc(File, 11), param(0)));
  PutFn.Writes.push_back(write(paramRef(ValueOrigin::ThisBit, ".Items"),
                               WriteKind::Remove, loc(File, 12)));
  auto M = build({fn("h", loc(File, 1), {Put}), PutFn});
  WriteEffects W = WriteEffects::compute(M);
  auto Effects = W.of(node(M, "h"));
  ASSERT_EQ(Effects.size(), 2u);
  EXPECT_EQ(Effects[0].Target.Name + Effects[0].Target.Path, "gCache.Items");
  EXPECT_EQ(Effects[0].Kind, WriteKind::Insert);
  EXPECT_TRUE(Effects[0].Value.Constant); // put("a"): the argument
  EXPECT_EQ(Effects[1].Kind, WriteKind::Remove);
}

TEST(WriteEffectsTest, WritesThroughAReturnedReferenceReachTheStatic) {
  // instance() returns a reference to its static; h writes through it.
  StateWrite Through =
      write(StateRef(), WriteKind::Increment, loc(File, 2, 14));
  Through.Target.Root = RefRoot::CallResult;
  Through.Target.Index = 0;
  Through.Target.Path = ".Hits";
  FunctionSummary H = fn("h", loc(File, 1), {call("instance", loc(File, 2))});
  H.Writes.push_back(Through);
  FunctionSummary Instance = fn("instance", loc(File, 10));
  Instance.ReturnRef = global("C");
  auto M = build({H, Instance});
  WriteEffects W = WriteEffects::compute(M);
  auto Effects = W.of(node(M, "h"));
  ASSERT_EQ(Effects.size(), 1u);
  EXPECT_EQ(Effects[0].Target.Name + Effects[0].Target.Path, "C.Hits");
}

TEST(WriteEffectsTest, LazyInitOfAMemberIsOnceOnlyOnALastingObject) {
  // connect() does `if (!Conn) Conn = open();` on its own member.
  FunctionSummary Connect =
      fn("Service::connect", loc(File, 10),
         {call("open", loc(File, 11), {}, CallKind::Direct,
               OnceKind::LazyInitMember)});
  CallSite OnLocal = call("Service::connect", loc(File, 2));
  OnLocal.ObjectRef = localRef();
  CallSite OnGlobal = call("Service::connect", loc(File, 3));
  OnGlobal.ObjectRef = global("gService");
  FunctionSummary Open = fn("open", loc(File, 20));

  auto PerInvocation = build({fn("h", loc(File, 1), {OnLocal}), Connect, Open});
  Reachability R1 = Reachability::compute(PerInvocation);
  EXPECT_TRUE(R1.runsPerInvocation(node(PerInvocation, "Service::connect"),
                                   OnceKind::LazyInitMember));
  EXPECT_EQ(R1.perHandler()[0].Order.size(), 3u); // open runs every time

  auto Lasting = build({fn("h", loc(File, 1), {OnGlobal}), Connect, Open});
  Reachability R2 = Reachability::compute(Lasting);
  EXPECT_FALSE(R2.runsPerInvocation(node(Lasting, "Service::connect"),
                                    OnceKind::LazyInitMember));
  EXPECT_EQ(R2.perHandler()[0].Order.size(), 2u); // open runs once
}

TEST(WriteEffectsTest, CalleesOnlyCalledUnderALockAreLocked) {
  CallSite Locked = call("bump", loc(File, 2));
  Locked.Locked = true;
  CallSite Unlocked = call("bump2", loc(File, 3));
  auto M = build({fn("h", loc(File, 1), {Locked, Unlocked}),
                  fn("bump", loc(File, 10), {call("inner", loc(File, 11))}),
                  fn("bump2", loc(File, 20), {call("inner", loc(File, 21))}),
                  fn("inner", loc(File, 30))});
  Reachability R = Reachability::compute(M);
  EXPECT_TRUE(R.calledUnderLock(node(M, "bump")));
  EXPECT_FALSE(R.calledUnderLock(node(M, "bump2")));
  // inner is also reached without a lock, through bump2.
  EXPECT_FALSE(R.calledUnderLock(node(M, "inner")));
  EXPECT_FALSE(R.calledUnderLock(node(M, "h")));
}

} // namespace
