//===- StripperTest.cpp - In-process stripping ----------------------------===//

#include "elf/Stripper.h"
#include "PackerFixtureDir.h"
#include "elf/ElfFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

#include <optional>

using namespace llvm;
using namespace brisk;

namespace {

class StripperTest : public ::testing::Test, protected FixtureDir {
protected:
  StripperTest() : FixtureDir("brisk-strip-test") {}

  void SetUp() override {
    write("main.c", R"(
#include <stdio.h>
#include <string.h>
struct Point { int X, Y; };
static int area(struct Point P) { return P.X * P.Y; }
int main(int argc, char **argv) {
  struct Point P = {6, 7};
  if (argc > 1 && strcmp(argv[1], "print") == 0)
    printf("area %d\n", area(P));
  return area(P);
}
)");
    ASSERT_TRUE(
        cc({"-g", "-O0", "-Wl,--build-id=sha1", "-o", "main", "main.c"}));
    Original = read("main");
  }
  /// Writes Bytes as an executable and runs it; returns its exit code.
  int run(StringRef Name, StringRef Bytes) const {
    write(Name, Bytes);
    sys::fs::setPermissions(path(Name), sys::fs::all_exe | sys::fs::owner_all);
    return sys::ExecuteAndWait(path(Name), {path(Name)});
  }
  StripResult strip(StringRef Bytes, StripMode Mode, bool Debug = false) {
    auto Result = stripElf(MemoryBufferRef(Bytes, "bin/main"), Mode, Debug);
    EXPECT_TRUE(bool(Result));
    if (!Result) {
      consumeError(Result.takeError());
      return {};
    }
    return std::move(*Result);
  }

  std::string Original;
};

bool hasSection(StringRef Bytes, StringRef Wanted) {
  auto File = object::ELFFile<object::ELF64LE>::create(Bytes);
  if (!File) {
    consumeError(File.takeError());
    return false;
  }
  auto Sections = File->sections();
  if (!Sections) {
    consumeError(Sections.takeError());
    return false;
  }
  for (const auto &Sec : *Sections) {
    auto Name = File->getSectionName(Sec);
    if (Name && *Name == Wanted)
      return true;
    if (!Name)
      consumeError(Name.takeError());
  }
  return false;
}

TEST_F(StripperTest, ParseModes) {
  for (auto [Text, Mode] :
       {std::pair<StringRef, StripMode>{"none", StripMode::None},
        {"debug", StripMode::Debug},
        {"unneeded", StripMode::Unneeded},
        {"all", StripMode::All}}) {
    auto Parsed = parseStripMode(Text);
    ASSERT_TRUE(bool(Parsed));
    EXPECT_EQ(*Parsed, Mode);
  }
  auto Bad = parseStripMode("everything");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(toString(Bad.takeError()),
            "unknown strip mode 'everything' (expected none, debug, unneeded "
            "or all)");
}

TEST_F(StripperTest, DebugStripIsSmallerKeepsMappingAndStillRuns) {
  ASSERT_EQ(run("original", Original), 42);
  StripResult Result = strip(Original, StripMode::Debug);
  EXPECT_TRUE(Result.Changed);
  EXPECT_EQ(Result.Warning, "");
  EXPECT_LT(Result.Bytes.size(), Original.size());
  EXPECT_TRUE(hasSection(Original, ".debug_info"));
  EXPECT_FALSE(hasSection(Result.Bytes, ".debug_info"));
  // --strip-debug keeps the symbol table.
  EXPECT_TRUE(hasSection(Result.Bytes, ".symtab"));
  auto Before = readElfInfo(MemoryBufferRef(Original, "a"));
  auto After = readElfInfo(MemoryBufferRef(Result.Bytes, "b"));
  ASSERT_TRUE(Before && After);
  ASSERT_EQ(Before->ProgramHeaders.size(), After->ProgramHeaders.size());
  for (size_t I = 0; I < Before->ProgramHeaders.size(); ++I) {
    EXPECT_EQ(Before->ProgramHeaders[I].Type, After->ProgramHeaders[I].Type);
    EXPECT_EQ(Before->ProgramHeaders[I].VAddr, After->ProgramHeaders[I].VAddr);
    EXPECT_EQ(Before->ProgramHeaders[I].MemSize,
              After->ProgramHeaders[I].MemSize);
    EXPECT_EQ(Before->ProgramHeaders[I].Flags, After->ProgramHeaders[I].Flags);
  }
  EXPECT_EQ(Result.BuildId, Before->BuildId);
  EXPECT_EQ(After->BuildId, Before->BuildId);
  EXPECT_EQ(run("stripped", Result.Bytes), 42);
}

TEST_F(StripperTest, AllIsSmallerThanDebugAndStillRuns) {
  StripResult Debug = strip(Original, StripMode::Debug);
  StripResult All = strip(Original, StripMode::All);
  StripResult Unneeded = strip(Original, StripMode::Unneeded);
  EXPECT_TRUE(All.Changed);
  EXPECT_TRUE(Unneeded.Changed);
  EXPECT_LT(All.Bytes.size(), Debug.Bytes.size());
  EXPECT_LE(Unneeded.Bytes.size(), Debug.Bytes.size());
  EXPECT_FALSE(hasSection(All.Bytes, ".symtab"));
  EXPECT_EQ(run("all", All.Bytes), 42);
  EXPECT_EQ(run("unneeded", Unneeded.Bytes), 42);
}

TEST_F(StripperTest, StrippingIsDeterministic) {
  StripResult First = strip(Original, StripMode::All);
  StripResult Second = strip(Original, StripMode::All);
  EXPECT_EQ(First.Bytes, Second.Bytes);
}

TEST_F(StripperTest, NoneKeepsTheBytes) {
  StripResult Result = strip(Original, StripMode::None);
  EXPECT_FALSE(Result.Changed);
  EXPECT_EQ(Result.Bytes, "");
  EXPECT_EQ(Result.Warning, "");
  EXPECT_EQ(Result.DebugBytes, "");
}

TEST_F(StripperTest, AlreadyStrippedIsLeftAsIs) {
  StripResult Once = strip(Original, StripMode::All);
  StripResult Twice = strip(Once.Bytes, StripMode::All, /*Debug=*/true);
  EXPECT_FALSE(Twice.Changed);
  EXPECT_EQ(Twice.Bytes, "");
  EXPECT_EQ(Twice.Warning, "");
  // Nothing to split off a file without debug info.
  EXPECT_EQ(Twice.DebugBytes, "");
}

TEST_F(StripperTest, ExtractDebugGivesADebugOnlyImage) {
  StripResult Result = strip(Original, StripMode::All, /*Debug=*/true);
  ASSERT_FALSE(Result.DebugBytes.empty());
  EXPECT_EQ(Result.Warning, "");
  auto Debug = readElfInfo(MemoryBufferRef(Result.DebugBytes, "debug"));
  ASSERT_TRUE(bool(Debug)) << toString(Debug.takeError());
  EXPECT_TRUE(Debug->HasDebugInfo);
  EXPECT_EQ(Debug->BuildId, Result.BuildId);
  EXPECT_TRUE(hasSection(Result.DebugBytes, ".debug_info"));
  // --only-keep-debug turns code into NOBITS: the file is mostly DWARF.
  EXPECT_LT(Result.DebugBytes.size(), Original.size());
}

TEST_F(StripperTest, StaticGlibcExecutablesAreStripped) {
  // Their allocated .rela.plt is linked to .symtab, which llvm::objcopy
  // refuses for a relocation section it takes for a dynamic one.
  ASSERT_TRUE(cc({"-g", "-static", "-o", "static", "main.c"}));
  std::string Static = read("static");
  ASSERT_TRUE(hasSection(Static, ".rela.plt"));
  for (StripMode Mode : {StripMode::Debug, StripMode::All}) {
    StripResult Result = strip(Static, Mode, /*Debug=*/true);
    EXPECT_EQ(Result.Warning, "");
    ASSERT_TRUE(Result.Changed);
    EXPECT_LT(Result.Bytes.size(), Static.size());
    EXPECT_FALSE(hasSection(Result.Bytes, ".debug_info"));
    EXPECT_FALSE(Result.DebugBytes.empty());
    EXPECT_EQ(run("stripped-static", Result.Bytes), 42);
    // The link is set again where the linked section survives.
    auto File =
        cantFail(object::ELFFile<object::ELF64LE>::create(Result.Bytes));
    auto Sections = cantFail(File.sections());
    for (const auto &Sec : Sections)
      if (cantFail(File.getSectionName(Sec)) == ".rela.plt") {
        if (Mode == StripMode::All)
          EXPECT_EQ(Sec.sh_link, 0u);
        else
          EXPECT_EQ(cantFail(File.getSectionName(Sections[Sec.sh_link])),
                    ".symtab");
      }
  }
}

TEST_F(StripperTest, ObjectFilesAreLeftAlone) {
  ASSERT_TRUE(cc({"-c", "-g", "-o", "main.o", "main.c"}));
  std::string Object = read("main.o");
  StripResult Result = strip(Object, StripMode::All);
  EXPECT_FALSE(Result.Changed);
  EXPECT_EQ(Result.Bytes, "");
  EXPECT_EQ(Result.Warning, "");
  // Its twin linked into a program is stripped.
  EXPECT_TRUE(strip(Original, StripMode::All).Changed);
}

TEST_F(StripperTest, NonElfIsAnError) {
  auto Result = stripElf(MemoryBufferRef("#!/bin/sh\n", "bootstrap"),
                         StripMode::All, false);
  ASSERT_FALSE(bool(Result));
  EXPECT_EQ(toString(Result.takeError()),
            "bootstrap: not an ELF file, not stripped");
}

TEST_F(StripperTest, MalformedElfIsKeptWithAWarning) {
  // Truncations and corrupted section tables: never a crash, never a change.
  std::vector<std::string> Bad;
  for (size_t Size : {size_t(4), size_t(63), size_t(64), size_t(200),
                      Original.size() / 2, Original.size() - 1})
    Bad.push_back(Original.substr(0, Size));
  std::string BadShoff = Original;
  BadShoff[0x28] = BadShoff[0x29] = BadShoff[0x2a] = '\x7f';
  Bad.push_back(BadShoff);
  std::string BadShnum = Original;
  BadShnum[0x3c] = '\xff';
  BadShnum[0x3d] = '\x7f';
  Bad.push_back(BadShnum);
  for (const std::string &Bytes : Bad) {
    StripResult Result = strip(Bytes, StripMode::All, /*Debug=*/true);
    EXPECT_FALSE(Result.Changed);
    EXPECT_EQ(Result.Bytes, "");
    EXPECT_NE(Result.Warning.find("bin/main: "), std::string::npos)
        << Result.Warning;
    EXPECT_NE(Result.Warning.find("kept unstripped"), std::string::npos)
        << Result.Warning;
  }
}

/// Bytes as a 64-bit little-endian ELF file; a test failure when they are not.
std::optional<object::ELFFile<object::ELF64LE>> parseElf64(StringRef Bytes) {
  auto File = object::ELFFile<object::ELF64LE>::create(Bytes);
  EXPECT_TRUE(bool(File));
  if (!File) {
    consumeError(File.takeError());
    return std::nullopt;
  }
  return std::move(*File);
}

/// Stores the Width low bytes of Value at Bytes[At], least significant first.
void writeLittleEndian(std::string &Bytes, size_t At, uint64_t Value,
                       int Width) {
  for (int B = 0; B < Width; ++B)
    Bytes[At + B] = static_cast<char>(Value >> (8 * B));
}

/// Bytes with one 64-bit field of the first program header of Type
/// replaced (Field is the byte offset inside Elf64_Phdr).
std::string withPhdrField(std::string Bytes, uint32_t Type, size_t Field,
                          uint64_t Value) {
  auto File = parseElf64(Bytes);
  if (!File)
    return Bytes;
  uint64_t PhOff = File->getHeader().e_phoff;
  auto Phdrs = cantFail(File->program_headers());
  for (size_t I = 0; I < Phdrs.size(); ++I) {
    if (Phdrs[I].p_type != Type)
      continue;
    size_t At = PhOff + I * sizeof(object::ELF64LE::Phdr) + Field;
    writeLittleEndian(Bytes, At, Value, 8);
    return Bytes;
  }
  ADD_FAILURE() << "no program header of type " << Type;
  return Bytes;
}

/// Bytes with a field of the header of the first section of Type (and
/// allocated, with AllocatedOnly) replaced by the Width low bytes of Value
/// (Field: the byte offset inside Elf64_Shdr).
std::string withSectionField(std::string Bytes, uint32_t Type, size_t Field,
                             uint64_t Value, int Width,
                             bool AllocatedOnly = false) {
  auto File = parseElf64(Bytes);
  if (!File)
    return Bytes;
  uint64_t ShOff = File->getHeader().e_shoff;
  auto Sections = cantFail(File->sections());
  for (size_t I = 0; I < Sections.size(); ++I) {
    const auto &Sec = Sections[I];
    if (Sec.sh_type != Type ||
        (AllocatedOnly && !(Sec.sh_flags & ELF::SHF_ALLOC)))
      continue;
    size_t At = ShOff + I * sizeof(object::ELF64LE::Shdr) + Field;
    writeLittleEndian(Bytes, At, Value, Width);
    return Bytes;
  }
  ADD_FAILURE() << "no section of type " << Type;
  return Bytes;
}

/// Bytes with the sh_size of the first allocated section of Type grown so
/// that it runs past its PT_LOAD segment (but stays inside the file).
std::string withStraddlingSection(std::string Bytes, uint32_t Type) {
  auto File = parseElf64(Bytes);
  if (!File)
    return Bytes;
  for (const auto &Sec : cantFail(File->sections()))
    if (Sec.sh_type == Type && (Sec.sh_flags & ELF::SHF_ALLOC))
      return withSectionField(Bytes, Type, /*sh_size*/ 32,
                              Bytes.size() - Sec.sh_offset - 1, 8,
                              /*AllocatedOnly=*/true);
  ADD_FAILURE() << "no allocated section of type " << Type;
  return Bytes;
}

TEST_F(StripperTest, MalformedSymbolTablesAreKept) {
  // llvm::objcopy crashed on a .symtab without its null symbol (the fuzzer's
  // first find); each of these is refused before objcopy sees it.
  constexpr size_t Size = 32, Link = 40, Info = 44, EntSize = 56;
  struct Case {
    std::string Bytes;
    const char *Says;
  } Cases[] = {
      {withSectionField(Original, ELF::SHT_SYMTAB, Size, 0, 8),
       "is 0 bytes: not a whole number of symbols starting with the null "
       "symbol"},
      {withSectionField(Original, ELF::SHT_SYMTAB, Size, 25, 8), "is 25 bytes"},
      {withSectionField(Original, ELF::SHT_SYMTAB, EntSize, 12, 8),
       "has entries of 12 bytes, not 24"},
      {withSectionField(Original, ELF::SHT_SYMTAB, Info, 100000, 4),
       "says its globals start at symbol 100000 of"},
      {withSectionField(Original, ELF::SHT_DYNSYM, Link, 0, 4),
       "links to section 0, not a string table"},
      {withSectionField(Original, ELF::SHT_SYMTAB, Link, 60000, 4),
       "links to section 60000, not a string table"},
  };
  for (const Case &C : Cases) {
    StripResult Result = strip(C.Bytes, StripMode::All, /*Debug=*/true);
    EXPECT_FALSE(Result.Changed) << C.Says;
    EXPECT_NE(Result.Warning.find("malformed ELF: symbol table (section "),
              std::string::npos)
        << Result.Warning;
    EXPECT_NE(Result.Warning.find(C.Says), std::string::npos) << Result.Warning;
    EXPECT_NE(Result.Warning.find("kept unstripped"), std::string::npos)
        << Result.Warning;
  }
}

TEST_F(StripperTest, InconsistentProgramHeadersAreKept) {
  constexpr size_t POffset = 8, PAlign = 48;
  struct Case {
    std::string Bytes;
    const char *Why;
  } Cases[] = {
      // A zero alignment made llvm::objcopy divide by zero.
      {withPhdrField(Original, ELF::PT_LOAD, PAlign, 0),
       "is not properly aligned; kept unstripped"},
      {withPhdrField(Original, ELF::PT_LOAD, PAlign, 0x3000),
       "is not properly aligned; kept unstripped"},
      // A PT_PHDR elsewhere than the table made it write out of bounds.
      {withPhdrField(Original, ELF::PT_PHDR, POffset, 0x400),
       "does not describe the program headers; kept unstripped"},
      // A huge alignment made it lay out (and allocate) terabytes.
      {withPhdrField(Original, ELF::PT_GNU_STACK, PAlign, uint64_t(1) << 40),
       "has alignment 1099511627776; kept unstripped"},
      // Relocations running past their segment: objcopy wrote past the end
      // of its output buffer.
      {withStraddlingSection(Original, ELF::SHT_RELA),
       "a section lies across or outside the loadable segments; kept "
       "unstripped"}};
  for (const Case &C : Cases) {
    StripResult Result = strip(C.Bytes, StripMode::All, /*Debug=*/true);
    EXPECT_FALSE(Result.Changed);
    EXPECT_EQ(Result.Bytes, "");
    EXPECT_NE(Result.Warning.find(C.Why), std::string::npos) << Result.Warning;
  }
  // A healthy twin of each: a real alignment change the loader accepts.
  std::string Fine = withPhdrField(Original, ELF::PT_GNU_STACK, PAlign, 0x10);
  StripResult Result = strip(Fine, StripMode::All);
  EXPECT_TRUE(Result.Changed);
  EXPECT_EQ(Result.Warning, "");
}

TEST_F(StripperTest, CorruptedBytesNeverCrash) {
  for (size_t Offset = 0; Offset < 128; ++Offset) {
    std::string Bytes = Original;
    Bytes[Offset] = static_cast<char>(Bytes[Offset] ^ 0xff);
    auto Result = stripElf(MemoryBufferRef(Bytes, "x"), StripMode::All, true);
    if (!Result) {
      consumeError(Result.takeError());
    } else if (!Result->Changed) {
      EXPECT_EQ(Result->Bytes, "");
    }
  }
}

TEST_F(StripperTest, DebugFileLayout) {
  EXPECT_EQ(debugFileName("ab12cd34", "bin/main"), ".build-id/ab/12cd34.debug");
  EXPECT_EQ(debugFileName("", "bin/main"), "bin/main.debug");
  EXPECT_EQ(debugFileName("", "lib/libfoo.so.1"), "lib/libfoo.so.1.debug");
}

TEST_F(StripperTest, WriteDebugFileByBuildId) {
  StripResult Result = strip(Original, StripMode::All, /*Debug=*/true);
  ASSERT_EQ(Result.BuildId.size(), 40u);
  ASSERT_FALSE(bool(writeDebugFile(path("dbg"), Result.BuildId, "bin/main",
                                   Result.DebugBytes, /*Compress=*/false)));
  std::string Expected = "dbg/.build-id/" + Result.BuildId.substr(0, 2) + "/" +
                         Result.BuildId.substr(2) + ".debug";
  EXPECT_EQ(read(Expected), Result.DebugBytes);

  ASSERT_FALSE(bool(writeDebugFile(path("dbg2"), "", "bin/main",
                                   Result.DebugBytes, /*Compress=*/false)));
  EXPECT_EQ(read("dbg2/bin/main.debug"), Result.DebugBytes);

  for (StringRef Escaping : {"../main", "/etc/main", "lib/../../main"}) {
    Error E = writeDebugFile(path("dbg3"), "", Escaping, Result.DebugBytes,
                             /*Compress=*/false);
    ASSERT_TRUE(bool(E));
    EXPECT_EQ(toString(std::move(E)), "debug file for '" + Escaping.str() +
                                          "' would leave " + path("dbg3"));
  }
  EXPECT_FALSE(sys::fs::exists(path("dbg3")));
  EXPECT_FALSE(sys::fs::exists(path("main.debug")));
}

TEST_F(StripperTest, CompressedDebugFileIsSmallerAndStillElf) {
  StripResult Result = strip(Original, StripMode::All, /*Debug=*/true);
  ASSERT_FALSE(bool(writeDebugFile(path("dbg"), "", "main", Result.DebugBytes,
                                   /*Compress=*/true)));
  std::string Compressed = read("dbg/main.debug");
  EXPECT_LT(Compressed.size(), Result.DebugBytes.size());
  auto Info = readElfInfo(MemoryBufferRef(Compressed, "c"));
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  EXPECT_EQ(Info->BuildId, Result.BuildId);
  // .debug_info now carries SHF_COMPRESSED with a zstd header.
  auto File = object::ELFFile<object::ELF64LE>::create(Compressed);
  ASSERT_TRUE(bool(File));
  bool SawCompressed = false;
  for (const auto &Sec : cantFail(File->sections())) {
    auto Name = File->getSectionName(Sec);
    if (Name && *Name == ".debug_info") {
      SawCompressed = (Sec.sh_flags & ELF::SHF_COMPRESSED) != 0;
      auto Data = cantFail(File->getSectionContents(Sec));
      ASSERT_GE(Data.size(), sizeof(object::ELF64LE::Chdr));
      auto *Chdr = reinterpret_cast<const object::ELF64LE::Chdr *>(Data.data());
      EXPECT_EQ(Chdr->ch_type, ELF::ELFCOMPRESS_ZSTD);
    } else if (!Name) {
      consumeError(Name.takeError());
    }
  }
  EXPECT_TRUE(SawCompressed);
}

} // namespace
