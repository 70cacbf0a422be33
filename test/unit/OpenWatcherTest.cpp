//===- OpenWatcherTest.cpp - Files verify saw opened, and the rest --------===//

#include "verify/OpenWatcher.h"

#include "PackerFixtureDir.h"

#include <fcntl.h>
#include <unistd.h>

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

TEST(OpenWatcherTest, ListsTheRegularFilesNobodyOpened) {
  FixtureDir Dir("open-watcher");
  ASSERT_FALSE(sys::fs::create_directories(Dir.path("task/lib")));
  ASSERT_FALSE(sys::fs::create_directories(Dir.path("opt/python")));
  Dir.write("task/bootstrap", "#!/bin/sh\n");
  Dir.write("task/lib/used.so", "used");
  Dir.write("task/lib/unused.so", "12345");
  Dir.write("opt/python/never.py", "x = 1\n");
  ASSERT_FALSE(sys::fs::create_link("used.so", Dir.path("task/lib/link.so")));

  auto W = OpenWatcher::watch(
      {{Dir.path("task"), "/var/task"}, {Dir.path("opt"), "/opt"}});
  ASSERT_TRUE(bool(W)) << toString(W.takeError());
  for (const char *Opened : {"task/bootstrap", "task/lib/link.so"}) {
    int Fd = open(Dir.path(Opened).c_str(), O_RDONLY);
    ASSERT_GE(Fd, 0);
    close(Fd);
  }
  (*W)->stop();
  EXPECT_FALSE((*W)->overflowed());
  std::vector<UnopenedFile> Unopened = (*W)->unopened();
  ASSERT_EQ(Unopened.size(), 2u);
  EXPECT_EQ(Unopened[0].Path, "/opt/python/never.py");
  EXPECT_EQ(Unopened[0].Bytes, 6u);
  EXPECT_EQ(Unopened[1].Path, "/var/task/lib/unused.so");
  EXPECT_EQ(Unopened[1].Bytes, 5u);
}

} // namespace
