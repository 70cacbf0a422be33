//===- ElfInterpreterTest.cpp - PT_INTERP rewriting and imports -----------===//

#include "PackerFixtureDir.h"
#include "elf/Interpreter.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

class ElfInterpreterTest : public ::testing::Test, protected FixtureDir {
protected:
  ElfInterpreterTest() : FixtureDir("brisk-interp-test") {}
  void SetUp() override {
    write("main.c", "#include <stdio.h>\n"
                    "int main(void) { puts(\"hi\"); return 0; }\n");
    ASSERT_TRUE(cc({"-o", "main", "main.c"}));
    Program = read("main");
  }
  ElfInfo info(StringRef Bytes) {
    Expected<ElfInfo> Info = readElfInfo(MemoryBufferRef(Bytes, ""));
    EXPECT_TRUE(bool(Info));
    return Info ? *Info : ElfInfo();
  }
  std::string Program;
};

TEST_F(ElfInterpreterTest, ANewPathFitsWhereTheOldOneWas) {
  ElfInfo Before = info(Program);
  ASSERT_EQ(Before.Interpreter, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_TRUE(interpreterFits(Before, "/var/task/lib/ld.so"));
  EXPECT_TRUE(interpreterFits(Before, "/lib64/ld-linux-x86-64.so.2"));
  EXPECT_FALSE(interpreterFits(Before, "/var/task/lib/ld-linux-x86-64.so.2"));

  std::string Bytes = Program;
  ASSERT_FALSE(bool(setInterpreter(Bytes, "/var/task/lib/ld.so")));
  EXPECT_EQ(Bytes.size(), Program.size());
  ElfInfo After = info(Bytes);
  EXPECT_EQ(After.Interpreter, "/var/task/lib/ld.so");
  EXPECT_EQ(After.ProgramHeaders, Before.ProgramHeaders);
  // The rest of the old string is zeros, the rest of the file untouched.
  size_t At = Program.find("/lib64/ld-linux-x86-64.so.2");
  EXPECT_EQ(Bytes.substr(At, 28),
            std::string("/var/task/lib/ld.so") + std::string(9, '\0'));
  EXPECT_EQ(Bytes.substr(0, At), Program.substr(0, At));
  EXPECT_EQ(Bytes.substr(At + 28), Program.substr(At + 28));
}

TEST_F(ElfInterpreterTest, APathThatDoesNotFitOrNoInterpreterIsAnError) {
  std::string Bytes = Program;
  Error TooLong = setInterpreter(Bytes, "/var/task/lib/ld-linux-x86-64.so.2");
  ASSERT_TRUE(bool(TooLong));
  EXPECT_EQ(toString(std::move(TooLong)),
            "PT_INTERP has no room for '/var/task/lib/ld-linux-x86-64.so.2'");
  EXPECT_EQ(Bytes, Program);
  ASSERT_TRUE(cc({"-static", "-o", "static", "main.c"}));
  std::string Static = read("static");
  EXPECT_FALSE(interpreterFits(info(Static), "/x"));
  Error None = setInterpreter(Static, "/x");
  ASSERT_TRUE(bool(None));
  EXPECT_EQ(toString(std::move(None)), "no PT_INTERP to point at '/x'");
  std::string Text = "not ELF";
  Error NotElf = setInterpreter(Text, "/x");
  ASSERT_TRUE(bool(NotElf));
  EXPECT_EQ(toString(std::move(NotElf)), "not an ELF file");
}

TEST_F(ElfInterpreterTest, ImportsAreUndefinedDynamicSymbols) {
  MemoryBufferRef Ref(Program, "main");
  EXPECT_TRUE(importsSymbol(Ref, "puts"));
  EXPECT_FALSE(importsSymbol(Ref, "iconv_open"));
  // Defined, not imported.
  EXPECT_FALSE(importsSymbol(Ref, "main"));
  EXPECT_FALSE(importsSymbol(MemoryBufferRef("junk", "junk"), "puts"));
}

} // namespace
