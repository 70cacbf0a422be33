//===- ElfFileTest.cpp - readElfInfo on fixtures built at test time -------===//

#include "elf/ElfFile.h"
#include "PackerFixtureDir.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/ObjCopy/ConfigManager.h"
#include "llvm/ObjCopy/ObjCopy.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

Expected<ElfInfo> readBytes(const std::string &Bytes, StringRef Name = "t") {
  return readElfInfo(MemoryBufferRef(Bytes, Name));
}

const char *MainCalling = R"(
extern int foo(void);
int main(void) { return foo() == 42 ? 0 : 1; }
)";

class ElfFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir.write("foo.c", "int foo(void) { return 42; }\n");
    Dir.write("main.c", MainCalling);
    ASSERT_TRUE(Dir.cc({"-shared", "-fPIC", "-o", "libfoo.so.1", "foo.c",
                        "-Wl,-soname,libfoo.so.1", "-Wl,--build-id=sha1"}));
    std::error_code EC =
        sys::fs::create_link("libfoo.so.1", Dir.path("libfoo.so"));
    ASSERT_FALSE(EC);
  }
  FixtureDir Dir{"brisk-elf-test"};
};

TEST_F(ElfFileTest, PieExecutableWithRunPath) {
  ASSERT_TRUE(Dir.cc({"-pie", "-fPIE", "-o", "main", "main.c", "-L.", "-lfoo",
                      "-Wl,-rpath,$ORIGIN/lib", "-Wl,--enable-new-dtags",
                      "-Wl,--build-id=sha1"}));
  std::string Bytes = Dir.read("main");
  EXPECT_TRUE(looksLikeElf(Bytes));
  auto Info = readBytes(Bytes);
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_EQ(Info->Kind, ElfKind::PieExecutable);
  EXPECT_EQ(Info->Machine, ELF::EM_X86_64);
  EXPECT_EQ(machineName(Info->Machine), "x86_64");
  EXPECT_TRUE(Info->Is64Bit);
  EXPECT_TRUE(Info->IsLittleEndian);
  EXPECT_EQ(Info->Interpreter, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_EQ(Info->SOName, "");
  EXPECT_EQ(Info->Needed,
            (std::vector<std::string>{"libfoo.so.1", "libc.so.6"}));
  EXPECT_EQ(Info->RunPath, std::vector<std::string>{"$ORIGIN/lib"});
  EXPECT_TRUE(Info->RPath.empty());
  EXPECT_EQ(Info->BuildId.size(), 40u);
  EXPECT_EQ(Info->BuildId.find_first_not_of("0123456789abcdef"),
            std::string::npos);
  // glibc 2.34 moved __libc_start_main to a new version node; every program
  // linked against 2.34 or later needs it.
  EXPECT_NE(std::find(Info->VersionNeeds.begin(), Info->VersionNeeds.end(),
                      VersionNeed{"libc.so.6", "GLIBC_2.34"}),
            Info->VersionNeeds.end());
  bool HasInterpHeader = false;
  for (const ProgramHeader &Phdr : Info->ProgramHeaders)
    HasInterpHeader |= Phdr.Type == ELF::PT_INTERP;
  EXPECT_TRUE(HasInterpHeader);
  EXPECT_FALSE(Info->HasDebugInfo);
}

TEST_F(ElfFileTest, NonPieExecutableWithRPath) {
  ASSERT_TRUE(Dir.cc({"-no-pie", "-fno-PIE", "-g", "-o", "main", "main.c",
                      "-L.", "-lfoo", "-Wl,-rpath,/a:$ORIGIN/lib",
                      "-Wl,--disable-new-dtags"}));
  auto Info = readBytes(Dir.read("main"));
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_EQ(Info->Kind, ElfKind::Executable);
  EXPECT_EQ(Info->RPath, (std::vector<std::string>{"/a", "$ORIGIN/lib"}));
  EXPECT_TRUE(Info->RunPath.empty());
  EXPECT_TRUE(Info->HasDebugInfo);
}

TEST_F(ElfFileTest, SharedObject) {
  auto Info = readBytes(Dir.read("libfoo.so.1"));
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_EQ(Info->Kind, ElfKind::SharedObject);
  EXPECT_EQ(Info->SOName, "libfoo.so.1");
  EXPECT_EQ(Info->Interpreter, "");
  EXPECT_TRUE(Info->RunPath.empty());
  EXPECT_TRUE(Info->RPath.empty());
}

TEST_F(ElfFileTest, HostLibcIsASharedObjectDespiteItsInterpreter) {
  auto Buffer = MemoryBuffer::getFile("/lib/x86_64-linux-gnu/libc.so.6");
  ASSERT_TRUE(bool(Buffer));
  auto Info = readElfInfo((*Buffer)->getMemBufferRef());
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_EQ(Info->Kind, ElfKind::SharedObject);
  EXPECT_EQ(Info->SOName, "libc.so.6");
}

TEST_F(ElfFileTest, NoSectionHeadersStillGivesNeedsAndVersions) {
  ASSERT_TRUE(
      Dir.cc({"-o", "main", "main.c", "-L.", "-lfoo", "-Wl,--build-id=sha1"}));
  std::string Bytes = Dir.read("main");
  // What sstrip and some packers leave: no section header table at all.
  objcopy::ConfigManager Config;
  Config.Common.StripSections = true;
  auto Binary = object::createBinary(MemoryBufferRef(Bytes, "main"));
  ASSERT_TRUE(bool(Binary));
  std::string Out;
  raw_string_ostream OS(Out);
  ASSERT_FALSE(bool(objcopy::executeObjcopyOnBinary(Config, **Binary, OS)));
  OS.flush();
  auto Full = readBytes(Bytes);
  auto Bare = readBytes(Out);
  ASSERT_TRUE(Full && Bare) << (Bare ? "" : toString(Bare.takeError()));
  EXPECT_FALSE(Full->VersionNeeds.empty());
  EXPECT_EQ(Bare->VersionNeeds, Full->VersionNeeds);
  EXPECT_EQ(Bare->Needed, Full->Needed);
  EXPECT_EQ(Bare->BuildId, Full->BuildId);
  EXPECT_EQ(Bare->Interpreter, Full->Interpreter);
}

TEST_F(ElfFileTest, OverlappingVersionNeedsAreMalformed) {
  // Fuzzing found that a looping .gnu.version_r made LLVM's own reader
  // allocate until the machine ran out of memory; ours refuses it.
  ASSERT_TRUE(Dir.cc({"-o", "main", "main.c", "-L.", "-lfoo"}));
  std::string Bytes = Dir.read("main");
  auto File = object::ELFFile<object::ELF64LE>::create(Bytes);
  ASSERT_TRUE(bool(File));
  uint64_t VerneedOffset = 0;
  for (const auto &Sec : cantFail(File->sections()))
    if (Sec.sh_type == ELF::SHT_GNU_verneed)
      VerneedOffset = Sec.sh_offset;
  ASSERT_NE(VerneedOffset, 0u);
  Bytes[VerneedOffset + 12] = 4; // vn_next of the first entry
  auto Info = readBytes(Bytes, "main");
  ASSERT_FALSE(bool(Info));
  EXPECT_EQ(toString(Info.takeError()),
            "main: malformed ELF: DT_VERNEED entries overlap");
}

TEST_F(ElfFileTest, NoteAlignmentZeroMeansFour) {
  std::string Bytes = Dir.read("libfoo.so.1");
  auto Before = readBytes(Bytes);
  ASSERT_TRUE(bool(Before));
  ASSERT_EQ(Before->BuildId.size(), 40u);
  auto File = object::ELFFile<object::ELF64LE>::create(Bytes);
  ASSERT_TRUE(bool(File));
  uint64_t PhOff = File->getHeader().e_phoff;
  auto Phdrs = cantFail(File->program_headers());
  for (size_t I = 0; I < Phdrs.size(); ++I)
    if (Phdrs[I].p_type == ELF::PT_NOTE)
      for (int B = 0; B < 8; ++B) // p_align
        Bytes[PhOff + I * sizeof(object::ELF64LE::Phdr) + 48 + B] = 0;
  auto After = readBytes(Bytes);
  ASSERT_TRUE(bool(After)) << toString(After.takeError());
  EXPECT_EQ(After->BuildId, Before->BuildId);
}

TEST_F(ElfFileTest, NotElfIsAnErrorNamingTheFile) {
  EXPECT_FALSE(looksLikeElf("#!/bin/sh\n"));
  auto Info = readBytes("#!/bin/sh\nexit 0\n", "bootstrap");
  ASSERT_FALSE(bool(Info));
  EXPECT_EQ(toString(Info.takeError()), "bootstrap: not an ELF file");
}

TEST_F(ElfFileTest, UnnamedBufferErrorsLeaveTheNamingToTheCaller) {
  auto NotElf = readBytes("#!/bin/sh\n", "");
  ASSERT_FALSE(bool(NotElf));
  EXPECT_EQ(toString(NotElf.takeError()), "not an ELF file");
  std::string Bytes = Dir.read("libfoo.so.1");
  Bytes[ELF::EI_CLASS] = 7;
  auto Bad = readBytes(Bytes, "");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(toString(Bad.takeError()), "malformed ELF: unknown ELF class 7");
}

TEST_F(ElfFileTest, TruncatedHeaderIsMalformed) {
  std::string Bytes = Dir.read("libfoo.so.1").substr(0, 40);
  auto Info = readBytes(Bytes, "lib/libfoo.so.1");
  ASSERT_FALSE(bool(Info));
  std::string Message = toString(Info.takeError());
  EXPECT_EQ(Message.rfind("lib/libfoo.so.1: malformed ELF: ", 0), 0u)
      << Message;
}

TEST_F(ElfFileTest, UnknownClassIsMalformed) {
  std::string Bytes = Dir.read("libfoo.so.1");
  Bytes[ELF::EI_CLASS] = 7;
  auto Info = readBytes(Bytes, "x.so");
  ASSERT_FALSE(bool(Info));
  EXPECT_EQ(toString(Info.takeError()),
            "x.so: malformed ELF: unknown ELF class 7");
}

TEST_F(ElfFileTest, ForeignClassAndByteOrderNeverCrash) {
  // The bytes of a little-endian ELF64 read as ELF32 or big-endian are
  // nonsense: whatever comes back, it must come back.
  std::string Original = Dir.read("libfoo.so.1");
  for (char Class : {ELF::ELFCLASS32, ELF::ELFCLASS64})
    for (char Data : {ELF::ELFDATA2LSB, ELF::ELFDATA2MSB}) {
      std::string Bytes = Original;
      Bytes[ELF::EI_CLASS] = Class;
      Bytes[ELF::EI_DATA] = Data;
      auto Info = readBytes(Bytes);
      if (!Info)
        consumeError(Info.takeError());
    }
}

TEST_F(ElfFileTest, EveryTruncationAndCorruptionIsHandled) {
  std::string Original = Dir.read("libfoo.so.1");
  // Every prefix length up to the section headers, in coarse steps, and a
  // byte of garbage at each offset of the headers.
  for (size_t Size = 0; Size < Original.size(); Size += 97) {
    std::string Bytes = Original.substr(0, Size);
    auto Info = readBytes(Bytes);
    if (Size < 64) {
      EXPECT_FALSE(bool(Info));
    }
    if (!Info)
      consumeError(Info.takeError());
  }
  for (size_t Offset = 0; Offset < 256 && Offset < Original.size(); ++Offset) {
    std::string Bytes = Original;
    Bytes[Offset] = static_cast<char>(Bytes[Offset] ^ 0xa5);
    auto Info = readBytes(Bytes);
    if (!Info)
      consumeError(Info.takeError());
  }
}

/// Bytes with the little-endian field of Size bytes at Offset set to Value.
std::string withField(std::string Bytes, size_t Offset, size_t Size,
                      uint64_t Value) {
  for (size_t B = 0; B < Size; ++B)
    Bytes[Offset + B] = static_cast<char>(Value >> (8 * B));
  return Bytes;
}

TEST_F(ElfFileTest, DamagedSectionTableFallsBackToProgramHeaders) {
  ASSERT_TRUE(Dir.cc({"-g", "-o", "main", "main.c", "-L.", "-lfoo",
                      "-Wl,-rpath,$ORIGIN/lib", "-Wl,--enable-new-dtags",
                      "-Wl,--build-id=sha1"}));
  std::string Original = Dir.read("main");
  auto Full = readBytes(Original);
  ASSERT_TRUE(bool(Full)) << toString(Full.takeError());
  EXPECT_EQ(Full->SectionTableProblem, "");
  EXPECT_TRUE(Full->HasDebugInfo);
  auto File = object::ELFFile<object::ELF64LE>::create(Original);
  ASSERT_TRUE(bool(File));
  const auto &Header = File->getHeader();
  uint64_t ShOff = Header.e_shoff;
  ASSERT_GT(Header.e_shnum, 2u);
  // e_shoff is at 0x28, e_shstrndx at 0x3e; sh_offset at 24 in a header.
  struct Case {
    const char *What;
    std::string Bytes;
  } Cases[] = {
      {"e_shoff past the end", withField(Original, 0x28, 8, ShOff * 16)},
      {"table cut short", Original.substr(0, ShOff + 64 * 2 + 10)},
      {"bad e_shstrndx", withField(Original, 0x3e, 2, Header.e_shnum + 5)},
      {"section outside the file",
       withField(Original, ShOff + 64 * 1 + 24, 8, Original.size() * 4)},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.What);
    auto Info = readBytes(C.Bytes, "main");
    ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
    EXPECT_NE(Info->SectionTableProblem, "");
    EXPECT_EQ(Info->Kind, Full->Kind);
    EXPECT_EQ(Info->Interpreter, Full->Interpreter);
    EXPECT_EQ(Info->Needed, Full->Needed);
    EXPECT_EQ(Info->RunPath, Full->RunPath);
    EXPECT_EQ(Info->VersionNeeds, Full->VersionNeeds);
    EXPECT_EQ(Info->BuildId, Full->BuildId);
    EXPECT_EQ(Info->ProgramHeaders, Full->ProgramHeaders);
    // Unknown, so not claimed.
    EXPECT_FALSE(Info->HasDebugInfo);
  }
  auto Far = readBytes(Cases[0].Bytes);
  ASSERT_TRUE(bool(Far));
  EXPECT_EQ(Far->SectionTableProblem.rfind("section header table goes past "
                                           "the end of the file",
                                           0),
            0u)
      << Far->SectionTableProblem;
  auto Outside = readBytes(Cases[3].Bytes);
  ASSERT_TRUE(bool(Outside));
  EXPECT_EQ(Outside->SectionTableProblem, "section 1 lies outside the file");
}

TEST_F(ElfFileTest, DamagedSectionTableOfAStaticProgram) {
  // No PT_DYNAMIC: llvm::object would look for a dynamic section instead.
  ASSERT_TRUE(Dir.cc({"-static", "-o", "static", "foo.c", "main.c"}));
  std::string Bytes = Dir.read("static");
  auto File = object::ELFFile<object::ELF64LE>::create(Bytes);
  ASSERT_TRUE(bool(File));
  Bytes = withField(Bytes, 0x28, 8, Bytes.size() * 16);
  auto Info = readBytes(Bytes);
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_NE(Info->SectionTableProblem, "");
  EXPECT_EQ(Info->Kind, ElfKind::Executable);
  EXPECT_TRUE(Info->Needed.empty());
  EXPECT_EQ(Info->Interpreter, "");
}

TEST_F(ElfFileTest, DamagedSegmentsAreStillMalformed) {
  // The loader needs the program headers: no fallback for them.
  std::string Original = Dir.read("libfoo.so.1");
  std::string Cut = Original.substr(0, Original.size() / 2);
  auto Info = readBytes(Cut, "bad.so");
  ASSERT_FALSE(bool(Info));
  EXPECT_NE(toString(Info.takeError())
                .find("bad.so: malformed ELF: program "
                      "header"),
            std::string::npos);
}

} // namespace

TEST(ElfKindOfTest, OneRuleForExecutablesAndLibraries) {
  EXPECT_EQ(elfKindOf(ELF::ET_EXEC, false, false, false), ElfKind::Executable);
  EXPECT_EQ(elfKindOf(ELF::ET_DYN, true, false, true), ElfKind::PieExecutable);
  EXPECT_EQ(elfKindOf(ELF::ET_DYN, false, true, false), ElfKind::PieExecutable);
  // Negative twins: libc.so.6 has an interpreter and a soname; a plain
  // library has neither; object files are neither programs nor libraries.
  EXPECT_EQ(elfKindOf(ELF::ET_DYN, false, true, true), ElfKind::SharedObject);
  EXPECT_EQ(elfKindOf(ELF::ET_DYN, false, false, false), ElfKind::SharedObject);
  EXPECT_EQ(elfKindOf(ELF::ET_REL, false, true, false), ElfKind::Other);
}
