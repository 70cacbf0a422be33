//===- InventoryTest.cpp - Reading folders, archives and executables ------===//

#include "inventory/Inventory.h"
#include "inventory/PathSafety.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <archive.h>
#include <archive_entry.h>

using namespace llvm;
using namespace brisk;

namespace {

class InventoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    SmallString<128> Path;
    ASSERT_FALSE(sys::fs::createUniqueDirectory("brisk-inventory-test", Path));
    Root = Path.str().str();
    ASSERT_FALSE(sys::fs::create_directories(path("scratch")));
  }
  void TearDown() override { sys::fs::remove_directories(Root); }

  std::string path(StringRef Relative) const {
    return Root + "/" + Relative.str();
  }

  Expected<Inventory> read(StringRef Relative, unsigned Threads) const {
    InventoryOptions Options;
    Options.Threads = Threads;
    Options.ScratchDir = path("scratch");
    return readInventory(path(Relative), Options);
  }

  void write(StringRef Relative, StringRef Text, unsigned Mode = 0644) const {
    SmallString<128> Dir(path(Relative));
    sys::path::remove_filename(Dir);
    ASSERT_FALSE(sys::fs::create_directories(Dir));
    std::error_code EC;
    {
      raw_fd_ostream OS(path(Relative), EC);
      ASSERT_FALSE(EC);
      OS << Text;
    }
    ASSERT_FALSE(sys::fs::setPermissions(path(Relative),
                                         static_cast<sys::fs::perms>(Mode)));
  }

  bool cc(ArrayRef<StringRef> Args) const {
    std::vector<StringRef> Argv = {BRISK_TEST_CC};
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    return sys::ExecuteAndWait(BRISK_TEST_CC, Argv) == 0;
  }

  // Writes a tar (or zip) whose entries are given as path -> contents;
  // a contents starting with "->" makes a symlink, "=>" a hard link, and
  // "<folder>" a folder.
  void writeArchive(StringRef Name, bool Zip,
                    ArrayRef<std::pair<std::string, std::string>> Entries) {
    struct archive *A = archive_write_new();
    if (Zip)
      archive_write_set_format_zip(A);
    else
      archive_write_set_format_pax_restricted(A);
    ASSERT_EQ(archive_write_open_filename(A, path(Name).c_str()), ARCHIVE_OK);
    for (const auto &[EntryPath, Contents] : Entries) {
      struct archive_entry *E = archive_entry_new();
      archive_entry_set_pathname(E, EntryPath.c_str());
      StringRef C = Contents;
      if (C.consume_front("->")) {
        archive_entry_set_filetype(E, AE_IFLNK);
        archive_entry_set_perm(E, 0777);
        archive_entry_set_symlink(E, C.str().c_str());
      } else if (C == "<folder>") {
        archive_entry_set_filetype(E, AE_IFDIR);
        archive_entry_set_perm(E, 0755);
        C = "";
      } else if (C.consume_front("=>")) {
        archive_entry_set_filetype(E, AE_IFREG);
        archive_entry_set_perm(E, 0644);
        archive_entry_set_hardlink(E, C.str().c_str());
      } else {
        archive_entry_set_filetype(E, AE_IFREG);
        archive_entry_set_perm(E, 0644);
        archive_entry_set_size(E, C.size());
      }
      ASSERT_EQ(archive_write_header(A, E), ARCHIVE_OK);
      if (!Contents.starts_with("->") && !Contents.starts_with("=>") &&
          !C.empty())
        archive_write_data(A, C.data(), C.size());
      archive_entry_free(E);
    }
    archive_write_close(A);
    archive_write_free(A);
  }

  std::string Root;
};

// SHA-256 of "hello\n".
constexpr const char *HelloSha =
    "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

TEST_F(InventoryTest, FolderHasSortedFilesModesHashesAndLinks) {
  write("tree/z.txt", "hello\n");
  write("tree/bootstrap", "#!/bin/sh\n", 0755);
  write("tree/a/b/c.txt", "");
  ASSERT_FALSE(sys::fs::create_link("../z.txt", path("tree/a/link")));

  Expected<Inventory> Inv = read("tree", 2);
  ASSERT_TRUE(bool(Inv)) << toString(Inv.takeError());
  EXPECT_EQ(Inv->Input, InputKind::Folder);
  std::vector<std::string> Paths;
  for (const InventoryFile &F : Inv->Files)
    Paths.push_back(F.Path);
  EXPECT_EQ(Paths, (std::vector<std::string>{"a", "a/b", "a/b/c.txt", "a/link",
                                             "bootstrap", "z.txt"}));
  const InventoryFile *Z = Inv->find("z.txt");
  ASSERT_TRUE(Z);
  EXPECT_EQ(Z->Sha256, HelloSha);
  EXPECT_EQ(Z->Size, 6u);
  EXPECT_EQ(Z->Kind, FileKind::Other);
  EXPECT_EQ(Inv->find("bootstrap")->Mode & 0111, 0111u);
  EXPECT_EQ(Z->Mode & 0111, 0u);
  const InventoryFile *Link = Inv->find("a/link");
  ASSERT_TRUE(Link);
  EXPECT_EQ(Link->Kind, FileKind::Symlink);
  EXPECT_EQ(Link->LinkTarget, "../z.txt");
  EXPECT_EQ(Inv->find("a")->Kind, FileKind::Folder);
}

TEST_F(InventoryTest, HashesDoNotDependOnThreadCount) {
  for (int I = 0; I < 20; ++I)
    write("tree/f" + std::to_string(I), std::string(I * 100, 'x'));
  Expected<Inventory> One = read("tree", 1);
  Expected<Inventory> Many = read("tree", 8);
  ASSERT_TRUE(One && Many);
  ASSERT_EQ(One->Files.size(), Many->Files.size());
  for (size_t I = 0; I < One->Files.size(); ++I) {
    EXPECT_EQ(One->Files[I].Path, Many->Files[I].Path);
    EXPECT_EQ(One->Files[I].Sha256, Many->Files[I].Sha256);
  }
}

TEST_F(InventoryTest, LinksLeavingTheTreeAreRefusedByName) {
  write("tree/bootstrap", "x");
  ASSERT_FALSE(sys::fs::create_link("../../outside", path("tree/lib")));
  Expected<Inventory> Inv = read("tree", 1);
  ASSERT_FALSE(bool(Inv));
  EXPECT_EQ(toString(Inv.takeError()),
            "symlink 'lib' -> '../../outside' leaves the tree");
}

TEST_F(InventoryTest, ElfKindsComeFromTheHeaders) {
  write("main.c", "int main(void) { return 0; }\n");
  write("lib.c", "int f(void) { return 1; }\n");
  ASSERT_FALSE(sys::fs::create_directories(path("tree")));
  ASSERT_TRUE(cc({"-o", path("tree/prog"), path("main.c")}));
  ASSERT_TRUE(
      cc({"-shared", "-fPIC", "-o", path("tree/libf.so"), path("lib.c")}));
  ASSERT_TRUE(cc({"-no-pie", "-o", path("tree/static-addr"), path("main.c")}));
  ASSERT_TRUE(
      cc({"-static-pie", "-o", path("tree/static-pie"), path("main.c")}));
  write("tree/fake.so", "\x7f"
                        "ELF but not really");
  Expected<Inventory> Inv = read("tree", 2);
  ASSERT_TRUE(bool(Inv)) << toString(Inv.takeError());
  EXPECT_EQ(Inv->find("prog")->Kind, FileKind::ElfExecutable);
  EXPECT_EQ(Inv->find("static-addr")->Kind, FileKind::ElfExecutable);
  // No interpreter, only DF_1_PIE says it is a program.
  EXPECT_EQ(Inv->find("static-pie")->Kind, FileKind::ElfExecutable);
  EXPECT_EQ(Inv->find("libf.so")->Kind, FileKind::SharedObject);
  EXPECT_EQ(Inv->find("fake.so")->Kind, FileKind::Other);

  Expected<Inventory> Exe = read("tree/prog", 1);
  ASSERT_TRUE(bool(Exe)) << toString(Exe.takeError());
  EXPECT_EQ(Exe->Input, InputKind::ElfExecutable);
  ASSERT_EQ(Exe->Files.size(), 1u);
  EXPECT_EQ(Exe->Files[0].Path, "prog");

  Expected<Inventory> Lib = read("tree/libf.so", 1);
  ASSERT_FALSE(bool(Lib));
  EXPECT_EQ(toString(Lib.takeError()),
            "is a shared library, not an executable");
}

TEST_F(InventoryTest, ALibraryWithAnInterpreterIsStillALibrary) {
  // glibc's libc.so.6 has PT_INTERP (it runs as a program too) and a soname:
  // given as a function's executable it is refused, in a tree it is a library.
  ASSERT_FALSE(sys::fs::create_directories(path("tree")));
  ASSERT_FALSE(sys::fs::copy_file("/lib/x86_64-linux-gnu/libc.so.6",
                                  path("tree/libc.so.6")));
  Expected<Inventory> Tree = read("tree", 1);
  ASSERT_TRUE(bool(Tree)) << toString(Tree.takeError());
  EXPECT_EQ(Tree->find("libc.so.6")->Kind, FileKind::SharedObject);
  Expected<Inventory> Lib = read("tree/libc.so.6", 1);
  ASSERT_FALSE(bool(Lib));
  EXPECT_EQ(toString(Lib.takeError()),
            "is a shared library, not an executable");
  // Its negative twin: a PIE from a linker that does not set DF_1_PIE has
  // an interpreter and no soname, and is a program.
  write("main.c", "int main(void) { return 0; }\n");
  ASSERT_TRUE(cc({"-pie", "-fPIE", "-o", path("pie"), path("main.c")}));
  auto Bytes = MemoryBuffer::getFile(path("pie"));
  ASSERT_TRUE(bool(Bytes));
  std::string Pie = (*Bytes)->getBuffer().str();
  auto File = object::ELFFile<object::ELF64LE>::create(Pie);
  ASSERT_TRUE(bool(File));
  auto Dynamic = File->dynamicEntries();
  ASSERT_TRUE(bool(Dynamic));
  bool Cleared = false;
  for (const auto &Dyn : *Dynamic)
    if (Dyn.d_tag == ELF::DT_FLAGS_1) {
      size_t At = reinterpret_cast<const char *>(&Dyn) - Pie.data() + 8;
      uint64_t Flags = Dyn.getVal() & ~uint64_t(ELF::DF_1_PIE);
      for (int B = 0; B < 8; ++B)
        Pie[At + B] = static_cast<char>(Flags >> (8 * B));
      Cleared = true;
    }
  ASSERT_TRUE(Cleared);
  EXPECT_EQ(classifyContents(Pie), FileKind::ElfExecutable);
}

TEST_F(InventoryTest, DynamicSegmentOutsideTheFileIsNoCrash) {
  // Fuzzing found llvm::object following such a PT_DYNAMIC out of the file.
  write("lib.c", "int f(void) { return 1; }\n");
  ASSERT_TRUE(cc({"-shared", "-fPIC", "-o", path("libf.so"), path("lib.c")}));
  auto Bytes = MemoryBuffer::getFile(path("libf.so"));
  ASSERT_TRUE(bool(Bytes));
  std::string Lib = (*Bytes)->getBuffer().str();
  auto File = object::ELFFile<object::ELF64LE>::create(Lib);
  ASSERT_TRUE(bool(File));
  uint64_t PhOff = File->getHeader().e_phoff;
  auto Phdrs = File->program_headers();
  ASSERT_TRUE(bool(Phdrs));
  bool Moved = false;
  for (size_t I = 0; I < Phdrs->size(); ++I)
    if ((*Phdrs)[I].p_type == ELF::PT_DYNAMIC) {
      size_t At = PhOff + I * sizeof(object::ELF64LE::Phdr) + 8; // p_offset
      Lib[At + 6] = Lib[At + 7] = '\xff';
      Moved = true;
    }
  ASSERT_TRUE(Moved);
  EXPECT_EQ(classifyContents(Lib), FileKind::SharedObject);
}

TEST_F(InventoryTest, ZipEntriesAreNormalisedAndHashed) {
  writeArchive("in.zip", /*Zip=*/true,
               {{"./bootstrap", "hello\n"},
                {"lib//libx.so.1", "->libx.so.1.0"},
                {"lib/libx.so.1.0", "data"}});
  Expected<Inventory> Inv = read("in.zip", 2);
  ASSERT_TRUE(bool(Inv)) << toString(Inv.takeError());
  EXPECT_EQ(Inv->Input, InputKind::Archive);
  ASSERT_EQ(Inv->Files.size(), 3u);
  EXPECT_EQ(Inv->Files[0].Path, "bootstrap");
  EXPECT_EQ(Inv->Files[0].Sha256, HelloSha);
  EXPECT_EQ(Inv->Files[1].Path, "lib/libx.so.1");
  EXPECT_EQ(Inv->Files[1].Kind, FileKind::Symlink);
  EXPECT_EQ(Inv->Files[1].LinkTarget, "libx.so.1.0");
  Expected<std::unique_ptr<MemoryBuffer>> Data =
      mapSource(Inv->Files[2].Source, "");
  ASSERT_TRUE(bool(Data));
  EXPECT_EQ((*Data)->getBuffer(), "data");
}

TEST_F(InventoryTest, TarHardLinksShareContents) {
  writeArchive("in.tar", /*Zip=*/false,
               {{"a.txt", "hello\n"}, {"b.txt", "=>a.txt"}});
  Expected<Inventory> Inv = read("in.tar", 1);
  ASSERT_TRUE(bool(Inv)) << toString(Inv.takeError());
  ASSERT_EQ(Inv->Files.size(), 2u);
  EXPECT_EQ(Inv->Files[1].Sha256, HelloSha);
  EXPECT_EQ(Inv->Files[1].Kind, FileKind::Other);
}

TEST_F(InventoryTest, HostileArchiveEntriesAreRefusedByName) {
  writeArchive("up.tar", false, {{"ok", "x"}, {"a/../../evil", "x"}});
  Expected<Inventory> Up = read("up.tar", 1);
  ASSERT_FALSE(bool(Up));
  EXPECT_EQ(toString(Up.takeError()),
            "path 'a/../../evil' climbs out with '..'");

  writeArchive("abs.zip", true, {{"/etc/passwd", "x"}});
  Expected<Inventory> Abs = read("abs.zip", 1);
  ASSERT_FALSE(bool(Abs));
  EXPECT_EQ(toString(Abs.takeError()), "absolute path '/etc/passwd' in input");

  writeArchive("dup.tar", false, {{"a", "1"}, {"./a", "2"}});
  Expected<Inventory> Dup = read("dup.tar", 1);
  ASSERT_FALSE(bool(Dup));
  EXPECT_EQ(toString(Dup.takeError()), "entry 'a' appears twice");

  writeArchive("link.zip", true, {{"lib/x", "->/lib64/libc.so.6"}});
  Expected<Inventory> Link = read("link.zip", 1);
  ASSERT_FALSE(bool(Link));
  EXPECT_EQ(toString(Link.takeError()),
            "symlink 'lib/x' points to absolute '/lib64/libc.so.6', outside "
            "the tree");
}

TEST_F(InventoryTest, ArchiveEntriesAreSpooledInTheScratchFolder) {
  writeArchive(
      "in.tar", /*Zip=*/false,
      {{"./", "<folder>"}, {"./a.txt", "hello\n"}, {"./b.txt", "bye\n"}});
  Expected<Inventory> Inv = read("in.tar", 1);
  ASSERT_TRUE(bool(Inv)) << toString(Inv.takeError());
  ASSERT_EQ(Inv->Files.size(), 2u);
  for (const InventoryFile &F : Inv->Files)
    EXPECT_TRUE(StringRef(F.Source.Path).starts_with(path("scratch/")))
        << F.Source.Path;
  EXPECT_EQ(Inv->Files[0].Source.Path, Inv->Files[1].Source.Path);
  Expected<std::unique_ptr<MemoryBuffer>> B =
      mapSource(Inv->Files[1].Source, "b");
  ASSERT_TRUE(bool(B));
  EXPECT_EQ((*B)->getBuffer(), "bye\n");
}

TEST_F(InventoryTest, SizesOverTheBudgetAreLimitErrorsBeforeReading) {
  write("tree/big.bin", std::string(100, 'x'));
  writeArchive("in.zip", /*Zip=*/true, {{"big.bin", std::string(100, 'x')}});
  for (StringRef Input : {"tree", "in.zip"}) {
    InventoryOptions Options;
    Options.ScratchDir = path("scratch");
    Options.Budget = SizeBudget::forLimit(99);
    Expected<Inventory> Inv = readInventory(path(Input), Options);
    ASSERT_FALSE(bool(Inv)) << Input.str();
    Error E = Inv.takeError();
    EXPECT_TRUE(E.isA<OverLimitError>()) << Input.str();
    consumeError(std::move(E));
  }
}

TEST(PathSafetyTest, NormalisesAndResolvesLexically) {
  EXPECT_EQ(cantFail(normaliseEntryPath("./a//b/./c")), "a/b/c");
  Expected<std::string> Empty = normaliseEntryPath("./");
  ASSERT_FALSE(bool(Empty));
  EXPECT_EQ(toString(Empty.takeError()), "empty entry name './'");
  EXPECT_TRUE(isTreeRoot("./"));
  EXPECT_TRUE(isTreeRoot("."));
  EXPECT_FALSE(isTreeRoot("/"));
  EXPECT_FALSE(isTreeRoot("./a"));
  Expected<std::string> Latin1 = normaliseEntryPath("caf\xe9.txt");
  ASSERT_FALSE(bool(Latin1));
  EXPECT_EQ(toString(Latin1.takeError()),
            "name 'caf\\xe9.txt' is not UTF-8, which zip names must be");
  EXPECT_EQ(cantFail(normaliseEntryPath("caf\xc3\xa9.txt")), "caf\xc3\xa9.txt");
  EXPECT_EQ(cantFail(resolveLinkInTree("lib/libx.so", "libx.so.1")),
            "lib/libx.so.1");
  EXPECT_EQ(cantFail(resolveLinkInTree("a/b/link", "../../c")), "c");
  Expected<std::string> Out = resolveLinkInTree("a/link", "../../c");
  ASSERT_FALSE(bool(Out));
  consumeError(Out.takeError());
  Expected<std::string> Root = resolveLinkInTree("a/link", "..");
  ASSERT_FALSE(bool(Root));
  consumeError(Root.takeError());
}

} // namespace
