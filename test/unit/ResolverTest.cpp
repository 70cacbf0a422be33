//===- ResolverTest.cpp - Static DT_NEEDED resolution ---------------------===//

#include "PackerFixtureDir.h"
#include "elf/DependencyResolver.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

#include <map>

using namespace llvm;
using namespace brisk;

namespace {

class ResolverTest : public ::testing::Test, protected FixtureDir {
protected:
  // Real paths in the closure: FixtureDir's root is canonical.
  ResolverTest() : FixtureDir("brisk-resolver-test") {}

  void SetUp() override {
    auto Profile = loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2023");
    ASSERT_TRUE(bool(Profile));
    Runtime = *Profile;
    ASSERT_FALSE(sys::fs::create_directories(path("lib")));
    write("bar.c", "int bar(void) { return 40; }\n");
    write("foo.c",
          "extern int bar(void);\nint foo(void) { return bar() + 2; }\n");
    write("main.c", "extern int foo(void);\nint main(void) { return foo() == "
                    "42 ? 0 : 1; }\n");
    // libbar.so -> libbar.so.1 -> libbar.so.1.2.3, as installed libraries are.
    // --no-as-needed: every library records its libc.so.6, whatever the
    // toolchain's default.
    ASSERT_TRUE(
        cc({"-shared", "-fPIC", "-Wl,--no-as-needed", "-o",
            "lib/libbar.so.1.2.3", "bar.c", "-Wl,-soname,libbar.so.1"}));
    ASSERT_FALSE(
        sys::fs::create_link("libbar.so.1.2.3", path("lib/libbar.so.1")));
    ASSERT_FALSE(sys::fs::create_link("libbar.so.1", path("lib/libbar.so")));
  }
  /// libfoo.so.1 needs libbar.so.1; LibFooFlags decide how it finds it.
  void buildFoo(std::vector<std::string> LibFooFlags) {
    std::vector<std::string> Args = {"-shared",
                                     "-fPIC",
                                     "-Wl,--no-as-needed",
                                     "-o",
                                     "lib/libfoo.so.1",
                                     "foo.c",
                                     "-Wl,-soname,libfoo.so.1",
                                     "-Llib",
                                     "-lbar"};
    Args.insert(Args.end(), LibFooFlags.begin(), LibFooFlags.end());
    ASSERT_TRUE(cc(Args));
    ASSERT_FALSE(sys::fs::create_link("libfoo.so.1", path("lib/libfoo.so")));
  }

  /// main needs libfoo.so.1 and finds it through $ORIGIN/lib.
  void buildMain(StringRef DtagsFlag) {
    ASSERT_TRUE(
        cc({"-o", "main", "main.c", "-Llib", "-lfoo", "-Wl,-rpath,$ORIGIN/lib",
            DtagsFlag.str(), "-Wl,-rpath-link," + path("lib")}));
  }

  static std::map<std::string, std::string>
  realPaths(const DependencyClosure &Closure) {
    std::map<std::string, std::string> Out;
    for (const ResolvedLibrary &Lib : Closure.Libraries)
      Out[Lib.Soname] = Lib.RealPath;
    return Out;
  }

  RuntimeProfile Runtime;
};

TEST_F(ResolverTest, RPathIsInheritedByDependencies) {
  buildFoo({});
  buildMain("-Wl,--disable-new-dtags");
  auto Closure = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(Closure->Executable, path("main"));
  auto Paths = realPaths(*Closure);
  EXPECT_EQ(Paths["libfoo.so.1"], path("lib/libfoo.so.1"));
  EXPECT_EQ(Paths["libbar.so.1"], path("lib/libbar.so.1.2.3"));
  const ResolvedLibrary *Bar = Closure->find("libbar.so.1");
  ASSERT_NE(Bar, nullptr);
  EXPECT_EQ(Bar->Path, path("lib/libbar.so.1"));
  EXPECT_EQ(Bar->NeededBy, std::vector<std::string>{path("lib/libfoo.so.1")});
  EXPECT_FALSE(Bar->ProvidedByRuntime);
  EXPECT_EQ(Bar->Info.SOName, "libbar.so.1");
  const ResolvedLibrary *Libc = Closure->find("libc.so.6");
  ASSERT_NE(Libc, nullptr);
  EXPECT_TRUE(Libc->ProvidedByRuntime);
  EXPECT_EQ(Libc->NeededBy.size(), 3u); // main, libfoo, libbar
  // libc's DT_NEEDED of the loader is answered by the executable's PT_INTERP.
  const ResolvedLibrary *Loader = Closure->find("ld-linux-x86-64.so.2");
  ASSERT_NE(Loader, nullptr);
  EXPECT_EQ(Loader->Path, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_TRUE(Loader->ProvidedByRuntime);
  // Exactly these, sorted by soname.
  std::vector<std::string> Names;
  for (const ResolvedLibrary &Lib : Closure->Libraries)
    Names.push_back(Lib.Soname);
  EXPECT_EQ(Names,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libbar.so.1",
                                      "libc.so.6", "libfoo.so.1"}));
}

TEST_F(ResolverTest, RunPathIsNotInherited) {
  buildFoo({});
  buildMain("-Wl,--enable-new-dtags");
  auto Closure = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_FALSE(bool(Closure));
  EXPECT_EQ(toString(Closure.takeError()),
            "cannot find libbar.so.1 (needed by " + path("lib/libfoo.so.1") +
                "); add its directory with --library-path");

  // The loader would find it through LD_LIBRARY_PATH: so do we.
  ResolveOptions Options;
  Options.LibraryPath = {path("lib")};
  auto WithPath = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(WithPath)) << toString(WithPath.takeError());
  EXPECT_EQ(realPaths(*WithPath)["libbar.so.1"], path("lib/libbar.so.1.2.3"));
}

TEST_F(ResolverTest, ExecutableFactsFromTheCallerAreNotReadAgain) {
  buildFoo({});
  buildMain("-Wl,--disable-new-dtags");
  // The caller's facts win over the file's: here they say main needs only
  // libc, so libfoo and libbar never join.
  auto Bytes = MemoryBuffer::getFile(path("main"));
  ASSERT_TRUE(bool(Bytes));
  auto Info = readElfInfo((*Bytes)->getMemBufferRef());
  ASSERT_TRUE(bool(Info)) << toString(Info.takeError());
  Info->Needed = {"libc.so.6"};
  auto Closure = resolveDependencies(path("main"), *Info, {}, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(Closure->ExecutableInfo.Needed, Info->Needed);
  EXPECT_EQ(Closure->find("libfoo.so.1"), nullptr);
  ASSERT_NE(Closure->find("libc.so.6"), nullptr);
  // The file itself, read by the resolver, needs libfoo.
  auto FromFile = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_TRUE(bool(FromFile)) << toString(FromFile.takeError());
  EXPECT_NE(FromFile->find("libfoo.so.1"), nullptr);
}

TEST_F(ResolverTest, OriginInTheLibrarysOwnRunPath) {
  buildFoo({"-Wl,-rpath,${ORIGIN}", "-Wl,--enable-new-dtags"});
  buildMain("-Wl,--enable-new-dtags");
  auto Closure = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(realPaths(*Closure)["libbar.so.1"], path("lib/libbar.so.1.2.3"));
}

TEST_F(ResolverTest, OriginOfASymlinkedLibraryIsWhereTheLinkIs) {
  // real/libfoo.so.1 has DT_RUNPATH $ORIGIN and is reached through the link
  // lib/libfoo.so.1; libbar.so.1 is only in lib/. glibc takes a library's
  // $ORIGIN from the path it opened, so it finds libbar: the real loader
  // runs the program to prove it.
  ASSERT_FALSE(sys::fs::create_directories(path("real")));
  ASSERT_TRUE(cc({"-shared", "-fPIC", "-o", "real/libfoo.so.1", "foo.c",
                  "-Wl,-soname,libfoo.so.1", "-Llib", "-lbar",
                  "-Wl,-rpath,$ORIGIN", "-Wl,--enable-new-dtags"}));
  ASSERT_FALSE(
      sys::fs::create_link("../real/libfoo.so.1", path("lib/libfoo.so.1")));
  ASSERT_FALSE(sys::fs::create_link("libfoo.so.1", path("lib/libfoo.so")));
  buildMain("-Wl,--enable-new-dtags");
  EXPECT_EQ(sys::ExecuteAndWait(path("main"), {path("main")}), 0);

  auto Closure = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  auto Paths = realPaths(*Closure);
  EXPECT_EQ(Paths["libfoo.so.1"], path("real/libfoo.so.1"));
  EXPECT_EQ(Paths["libbar.so.1"], path("lib/libbar.so.1.2.3"));
}

TEST_F(ResolverTest, RunPathOfTheNeederDisablesEveryRPath) {
  // main has DT_RPATH $ORIGIN/lib; libfoo has a DT_RUNPATH elsewhere, so the
  // loader ignores all DT_RPATHs for libfoo's needs and misses libbar.
  buildFoo({"-Wl,-rpath,/nonexistent", "-Wl,--enable-new-dtags"});
  buildMain("-Wl,--disable-new-dtags");
  auto Closure = resolveDependencies(path("main"), {}, Runtime);
  ASSERT_FALSE(bool(Closure));
  EXPECT_NE(toString(Closure.takeError()).find("cannot find libbar.so.1"),
            std::string::npos);
}

TEST_F(ResolverTest, LibraryPathComesBeforeRunPath) {
  buildFoo({"-Wl,-rpath,$ORIGIN", "-Wl,--enable-new-dtags"});
  buildMain("-Wl,--enable-new-dtags");
  // A second libbar.so.1 in another folder named by --library-path wins over
  // libfoo's DT_RUNPATH.
  ASSERT_FALSE(sys::fs::create_directories(path("other")));
  ASSERT_TRUE(cc({"-shared", "-fPIC", "-o", "other/libbar.so.1", "bar.c",
                  "-Wl,-soname,libbar.so.1"}));
  ResolveOptions Options;
  Options.LibraryPath = {path("other")};
  auto Closure = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(realPaths(*Closure)["libbar.so.1"], path("other/libbar.so.1"));
}

TEST_F(ResolverTest, WrongMachineAndNonElfCandidatesAreSkipped) {
  buildFoo({});
  buildMain("-Wl,--disable-new-dtags");
  // Earlier on the search path: a text file and an aarch64-tagged copy.
  ASSERT_FALSE(sys::fs::create_directories(path("text")));
  ASSERT_FALSE(sys::fs::create_directories(path("arm")));
  write("text/libbar.so.1", "INPUT(-lbar)\n");
  auto Bar = MemoryBuffer::getFile(path("lib/libbar.so.1.2.3"));
  ASSERT_TRUE(bool(Bar));
  std::string Bytes = (*Bar)->getBuffer().str();
  Bytes[18] = static_cast<char>(ELF::EM_AARCH64); // e_machine, little endian
  Bytes[19] = 0;
  write("arm/libbar.so.1", Bytes);
  ResolveOptions Options;
  Options.LibraryPath = {path("text"), path("arm"), path("lib")};
  auto Closure = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(realPaths(*Closure)["libbar.so.1"], path("lib/libbar.so.1.2.3"));
}

TEST_F(ResolverTest, BrokenCandidateIsReportedNotSkipped) {
  buildFoo({});
  buildMain("-Wl,--disable-new-dtags");
  // A right-machine header on a truncated file: it would be the loader's
  // pick, so packing another copy silently would be wrong.
  ASSERT_FALSE(sys::fs::create_directories(path("broken")));
  auto Bar = MemoryBuffer::getFile(path("lib/libbar.so.1.2.3"));
  ASSERT_TRUE(bool(Bar));
  write("broken/libbar.so.1", (*Bar)->getBuffer().take_front(100));
  ResolveOptions Options;
  Options.LibraryPath = {path("broken")};
  // libbar is needed by libfoo, whose loader chain carries main's DT_RPATH:
  // that is searched first and finds the good copy.
  auto Closure = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(realPaths(*Closure)["libbar.so.1"], path("lib/libbar.so.1.2.3"));

  buildMain("-Wl,--enable-new-dtags");
  Options.LibraryPath = {path("broken"), path("lib")};
  auto Broken = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_FALSE(bool(Broken));
  std::string Message = toString(Broken.takeError());
  EXPECT_EQ(Message.rfind(path("broken/libbar.so.1") + ": malformed ELF: ", 0),
            0u)
      << Message;
}

TEST_F(ResolverTest, IncludedLibrariesJoinWithTheirDependencies) {
  buildFoo({"-Wl,-rpath,$ORIGIN", "-Wl,--enable-new-dtags"});
  ASSERT_TRUE(
      cc({"-o", "main", "main.c", "-Wl,--unresolved-symbols=ignore-all"}));
  ResolveOptions Options;
  Options.Includes = {path("lib/libfoo.so")};
  auto Closure = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  const ResolvedLibrary *Foo = Closure->find("libfoo.so.1");
  ASSERT_NE(Foo, nullptr);
  EXPECT_TRUE(Foo->Included);
  EXPECT_TRUE(Foo->NeededBy.empty());
  EXPECT_EQ(Foo->RealPath, path("lib/libfoo.so.1"));
  const ResolvedLibrary *Bar = Closure->find("libbar.so.1");
  ASSERT_NE(Bar, nullptr);
  EXPECT_FALSE(Bar->Included);

  Options.Includes = {path("foo.c")};
  auto Bad = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(toString(Bad.takeError()),
            "--include " + path("foo.c") +
                ": not a readable ELF file for x86_64");
}

TEST_F(ResolverTest, MissingExecutableAndNonElfExecutable) {
  auto Missing = resolveDependencies(path("nope"), {}, Runtime);
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(toString(Missing.takeError()).find(path("nope")),
            std::string::npos);
  auto Text = resolveDependencies(path("main.c"), {}, Runtime);
  ASSERT_FALSE(bool(Text));
  EXPECT_EQ(toString(Text.takeError()), path("main.c") + ": not an ELF file");
}

TEST_F(ResolverTest, ExecutableForAnotherArchitectureIsRefused) {
  buildFoo({});
  buildMain("-Wl,--disable-new-dtags");
  // The same program is right for x86_64 and wrong for arm64.
  auto Arm =
      loadRuntimeProfile(BRISK_TEST_RULES_DIR, "provided.al2023", "arm64");
  ASSERT_TRUE(bool(Arm));
  auto Refused = resolveDependencies(path("main"), {}, *Arm);
  ASSERT_FALSE(bool(Refused));
  EXPECT_EQ(toString(Refused.takeError()),
            path("main") + " is a 64-bit x86_64 ELF file but provided.al2023 "
                           "runs arm64 code");
  EXPECT_TRUE(bool(resolveDependencies(path("main"), {}, Runtime)));

  auto Main = MemoryBuffer::getFile(path("main"));
  ASSERT_TRUE(bool(Main));
  std::string Bytes = (*Main)->getBuffer().str();
  Bytes[18] = static_cast<char>(ELF::EM_AARCH64);
  Bytes[19] = 0;
  write("main-arm", Bytes);
  auto Wrong = resolveDependencies(path("main-arm"), {}, Runtime);
  ASSERT_FALSE(bool(Wrong));
  EXPECT_EQ(toString(Wrong.takeError()),
            path("main-arm") + " is a 64-bit aarch64 ELF file but "
                               "provided.al2023 runs x86_64 code");
}

TEST_F(ResolverTest, LdSoConfIncludesInGlobOrder) {
  ASSERT_FALSE(sys::fs::create_directories(path("etc/ld.so.conf.d")));
  write("etc/ld.so.conf",
        "# comment\ninclude ld.so.conf.d/*.conf\n/opt/x   # trailing\n"
        "include /etc/missing/*.conf\n/usr/a:/usr/b,/usr/c=libc6\n");
  write("etc/ld.so.conf.d/b.conf", "/b\n");
  write("etc/ld.so.conf.d/a.conf", "/a\n\n/a2\n");
  write("etc/ld.so.conf.d/skip.txt", "/never\n");
  EXPECT_EQ(
      readLdSoConf(Root),
      (std::vector<std::string>{path("a"), path("a2"), path("b"), path("opt/x"),
                                path("usr/a"), path("usr/b"), path("usr/c")}));
  EXPECT_TRUE(readLdSoConf(path("nowhere")).empty());
}

TEST_F(ResolverTest, LdSoConfDirectoriesAreSearchedBeforeDefaults) {
  buildFoo({});
  buildMain("-Wl,--enable-new-dtags");
  // libbar only reachable through a sysroot's ld.so.conf.
  ASSERT_FALSE(sys::fs::create_directories(path("sysroot/etc")));
  ASSERT_FALSE(sys::fs::create_directories(path("sysroot/opt/bar")));
  write("sysroot/etc/ld.so.conf", "/opt/bar\n");
  ASSERT_TRUE(cc({"-shared", "-fPIC", "-o", "sysroot/opt/bar/libbar.so.1",
                  "bar.c", "-Wl,-soname,libbar.so.1"}));
  ResolveOptions Options;
  Options.SysRoot = path("sysroot");
  Options.UseDefaultDirs = false;
  // libc comes from the runtime; on this sysroot it is not found at all.
  auto Closure = resolveDependencies(path("main"), Options, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  EXPECT_EQ(realPaths(*Closure)["libbar.so.1"],
            path("sysroot/opt/bar/libbar.so.1"));
  const ResolvedLibrary *Libc = Closure->find("libc.so.6");
  ASSERT_NE(Libc, nullptr);
  EXPECT_TRUE(Libc->ProvidedByRuntime);
  EXPECT_EQ(Libc->Path, "");
}

TEST(ExpandOriginTest, Forms) {
  EXPECT_EQ(expandOrigin("$ORIGIN/lib", "/a/b"), "/a/b/lib");
  EXPECT_EQ(expandOrigin("${ORIGIN}/../lib", "/a/b"), "/a/b/../lib");
  EXPECT_EQ(expandOrigin("$ORIGIN", "/a"), "/a");
  EXPECT_EQ(expandOrigin("/x/$ORIGIN:y", "/a"), "/x//a:y");
  EXPECT_EQ(expandOrigin("$ORIGINAL/lib", "/a"), "$ORIGINAL/lib");
  EXPECT_EQ(expandOrigin("/usr/$LIB", "/a"), "/usr/$LIB");
  EXPECT_EQ(expandOrigin("", "/a"), "");
}

/// The closure of a program linked against this machine's libcurl must be
/// exactly what the real loader maps (asked with LD_TRACE_LOADED_OBJECTS on
/// a fixture we built ourselves; brisk itself never runs what it packs).
TEST_F(ResolverTest, LibcurlClosureMatchesTheLoader) {
  const char *Curl = "/usr/lib/x86_64-linux-gnu/libcurl.so.4";
  if (!sys::fs::exists(Curl))
    GTEST_SKIP() << "no libcurl on this machine";
  write("curl.c", "void *curl_easy_init(void);\n"
                  "int main(void) { return curl_easy_init() ? 0 : 1; }\n");
  ASSERT_TRUE(cc({"-o", "curlmain", "curl.c", Curl}));

  std::string Out = path("ldd.out");
  std::optional<StringRef> Redirects[] = {std::nullopt, StringRef(Out),
                                          std::nullopt};
  int Rc = sys::ExecuteAndWait(path("curlmain"), {path("curlmain")},
                               ArrayRef<StringRef>{"LD_TRACE_LOADED_OBJECTS=1"},
                               Redirects);
  ASSERT_EQ(Rc, 0);
  auto Listing = MemoryBuffer::getFile(Out);
  ASSERT_TRUE(bool(Listing));
  std::map<std::string, std::string> Expected;
  SmallVector<StringRef, 64> Lines;
  (*Listing)->getBuffer().split(Lines, '\n', -1, false);
  for (StringRef Line : Lines) {
    // "\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)"
    auto [Name, Rest] = Line.trim().split(" => ");
    if (Rest.empty())
      continue;
    SmallString<256> Real;
    ASSERT_FALSE(sys::fs::real_path(Rest.split(' ').first, Real));
    Expected[Name.str()] = Real.str().str();
  }
  ASSERT_GT(Expected.size(), 10u) << "libcurl should have a deep closure";

  auto Closure = resolveDependencies(path("curlmain"), {}, Runtime);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  auto Got = realPaths(*Closure);
  // The loader lists itself without "=>"; everything else must match.
  Got.erase("ld-linux-x86-64.so.2");
  EXPECT_EQ(Got, Expected);
}

} // namespace
