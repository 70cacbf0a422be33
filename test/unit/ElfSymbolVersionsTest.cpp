//===- ElfSymbolVersionsTest.cpp - glibc / libstdc++ compatibility --------===//

#include "elf/SymbolVersions.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

TEST(CompareVersionsTest, NumericOrder) {
  EXPECT_LT(compareVersions("2.9", "2.34"), 0);
  EXPECT_LT(compareVersions("2.34", "2.35"), 0);
  EXPECT_GT(compareVersions("2.35", "2.34"), 0);
  EXPECT_GT(compareVersions("2.34", "2.9"), 0);
  EXPECT_EQ(compareVersions("2.34", "2.34"), 0);
  EXPECT_EQ(compareVersions("2.34", "2.34.0"), 0);
  EXPECT_LT(compareVersions("3.4", "3.4.1"), 0);
  EXPECT_LT(compareVersions("3.4.9", "3.4.30"), 0);
  EXPECT_LT(compareVersions("1.3.9", "1.3.13"), 0);
  EXPECT_GT(compareVersions("10", "9.99"), 0);
}

TEST(ParseVersionNameTest, Families) {
  auto Glibc = parseVersionName("GLIBC_2.34");
  ASSERT_TRUE(Glibc.has_value());
  EXPECT_EQ(Glibc->first, VersionFamily::Glibc);
  EXPECT_EQ(Glibc->second, "2.34");
  auto Cxx = parseVersionName("GLIBCXX_3.4.30");
  ASSERT_TRUE(Cxx.has_value());
  EXPECT_EQ(Cxx->first, VersionFamily::Glibcxx);
  EXPECT_EQ(Cxx->second, "3.4.30");
  auto Abi = parseVersionName("CXXABI_1.3.13");
  ASSERT_TRUE(Abi.has_value());
  EXPECT_EQ(Abi->first, VersionFamily::Cxxabi);
  EXPECT_EQ(Abi->second, "1.3.13");
  EXPECT_FALSE(parseVersionName("GLIBC_PRIVATE").has_value());
  EXPECT_FALSE(parseVersionName("CXXABI_TM_1").has_value());
  EXPECT_FALSE(parseVersionName("GCC_3.0").has_value());
  EXPECT_FALSE(parseVersionName("OPENSSL_3.0.0").has_value());
  EXPECT_FALSE(parseVersionName("GLIBC_").has_value());
}

RuntimeProfile profile(StringRef Name) {
  auto Profile = loadRuntimeProfile(BRISK_TEST_RULES_DIR, Name);
  EXPECT_TRUE(bool(Profile));
  if (!Profile) {
    consumeError(Profile.takeError());
    return {};
  }
  return *Profile;
}

ResolvedLibrary library(StringRef Soname, const RuntimeProfile &Runtime,
                        std::vector<VersionNeed> Needs) {
  ResolvedLibrary Lib;
  Lib.Soname = Soname.str();
  Lib.Path = ("/host/lib/" + Soname).str();
  Lib.RealPath = Lib.Path;
  Lib.ProvidedByRuntime = Runtime.provides(Soname);
  Lib.Info.SOName = Soname.str();
  Lib.Info.VersionNeeds = std::move(Needs);
  return Lib;
}

/// An executable "orders" needing libc (GLIBC_ExeGlibc) and, when CxxNeed is
/// set, libstdc++ at that GLIBCXX level; host libstdc++ needs GLIBC_2.36.
DependencyClosure closure(const RuntimeProfile &Runtime, StringRef ExeGlibc,
                          StringRef CxxNeed = "") {
  DependencyClosure Closure;
  Closure.Executable = "/build/bin/orders";
  Closure.ExecutableInfo.Interpreter = "/lib64/ld-linux-x86-64.so.2";
  Closure.ExecutableInfo.VersionNeeds = {
      {"libc.so.6", "GLIBC_2.2.5"}, {"libc.so.6", ("GLIBC_" + ExeGlibc).str()}};
  Closure.Libraries.push_back(library("ld-linux-x86-64.so.2", Runtime, {}));
  Closure.Libraries.push_back(library(
      "libc.so.6", Runtime, {{"ld-linux-x86-64.so.2", "GLIBC_PRIVATE"}}));
  Closure.Libraries.push_back(
      library("libm.so.6", Runtime, {{"libc.so.6", "GLIBC_2.2.5"}}));
  if (!CxxNeed.empty()) {
    Closure.ExecutableInfo.VersionNeeds.push_back(
        {"libstdc++.so.6", ("GLIBCXX_" + CxxNeed).str()});
    Closure.Libraries.push_back(
        library("libstdc++.so.6", Runtime,
                {{"libc.so.6", "GLIBC_2.36"}, {"libgcc_s.so.1", "GCC_3.0"}}));
    Closure.Libraries.push_back(
        library("libgcc_s.so.1", Runtime, {{"libc.so.6", "GLIBC_2.35"}}));
  }
  return Closure;
}

TEST(DecideBundleTest, OldEnoughGlibcUsesTheImage) {
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Decision = decideBundle(closure(Al2023, "2.34"), Al2023, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_FALSE(Decision->BundleLibc);
  EXPECT_FALSE(Decision->BundleCxxRuntime);
  EXPECT_TRUE(Decision->BundledSonames.empty());
  EXPECT_FALSE(Decision->GlibcReason.has_value());
  EXPECT_EQ(Decision->LoaderPath, "");
}

TEST(DecideBundleTest, TooNewGlibcBundlesLoaderAndLibcFamily) {
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Decision = decideBundle(closure(Al2023, "2.35"), Al2023, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_TRUE(Decision->BundleLibc);
  EXPECT_EQ(Decision->BundledSonames,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libc.so.6",
                                      "libm.so.6"}));
  EXPECT_EQ(Decision->LoaderName, "ld-linux-x86-64.so.2");
  EXPECT_EQ(Decision->LoaderPath, "/host/lib/ld-linux-x86-64.so.2");
  ASSERT_TRUE(Decision->GlibcReason.has_value());
  EXPECT_EQ(Decision->GlibcReason->Name, "GLIBC_2.35");
  EXPECT_EQ(Decision->GlibcReason->Library, "libc.so.6");
  EXPECT_EQ(Decision->GlibcReason->NeededBy, "/build/bin/orders");
  EXPECT_EQ(Decision->GlibcReason->Provided, "2.34");
}

TEST(DecideBundleTest, NoBundleLibcRefusesWithReason) {
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Decision = decideBundle(closure(Al2023, "2.35"), Al2023, false);
  ASSERT_FALSE(bool(Decision));
  EXPECT_EQ(toString(Decision.takeError()),
            "needs GLIBC_2.35 (from libc.so.6) but "
            "provided.al2023 has glibc 2.34; rebuild on an older glibc or drop "
            "--no-bundle-libc");
  // The same flag with a compatible program is no error.
  auto Fine = decideBundle(closure(Al2023, "2.34"), Al2023, false);
  EXPECT_TRUE(bool(Fine));
  if (!Fine)
    consumeError(Fine.takeError());
}

TEST(DecideBundleTest, NoBundleLibcNamesTheLibraryThatNeedsIt) {
  // A newer libstdc++ must ship, and it needs GLIBC_2.36: the message names
  // that library (the caller names the function).
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Decision =
      decideBundle(closure(Al2023, "2.34", "3.4.30"), Al2023, false);
  ASSERT_FALSE(bool(Decision));
  EXPECT_EQ(toString(Decision.takeError()),
            "/host/lib/libstdc++.so.6 needs GLIBC_2.36 (from libc.so.6) but "
            "provided.al2023 has glibc 2.34; rebuild on an older glibc or drop "
            "--no-bundle-libc");
}

TEST(DecideBundleTest, ImageWithoutLibstdcxxShipsTheHostOne) {
  // provided.al2023 has no libstdc++: shipping the host's brings its
  // GLIBC_2.36 requirement, which the image's glibc 2.34 cannot meet.
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Decision = decideBundle(closure(Al2023, "2.34", "3.4.21"), Al2023, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_TRUE(Decision->BundleCxxRuntime);
  EXPECT_FALSE(Decision->CxxReason.has_value());
  EXPECT_TRUE(Decision->BundleLibc);
  ASSERT_TRUE(Decision->GlibcReason.has_value());
  EXPECT_EQ(Decision->GlibcReason->Name, "GLIBC_2.36");
  EXPECT_EQ(Decision->GlibcReason->NeededBy, "/host/lib/libstdc++.so.6");
}

TEST(DecideBundleTest, OldEnoughLibstdcxxUsesTheImage) {
  RuntimeProfile Al2 = profile("provided.al2");
  // GLIBC_2.26 is what AL2 has; GLIBCXX_3.4.21 is older than its 3.4.24.
  auto Decision = decideBundle(closure(Al2, "2.26", "3.4.21"), Al2, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_FALSE(Decision->BundleCxxRuntime);
  EXPECT_FALSE(Decision->BundleLibc);
  EXPECT_TRUE(Decision->BundledSonames.empty());
}

TEST(DecideBundleTest, TooNewLibstdcxxBundlesCxxRuntime) {
  RuntimeProfile Al2 = profile("provided.al2");
  auto Decision = decideBundle(closure(Al2, "2.26", "3.4.30"), Al2, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_TRUE(Decision->BundleCxxRuntime);
  ASSERT_TRUE(Decision->CxxReason.has_value());
  EXPECT_EQ(Decision->CxxReason->Name, "GLIBCXX_3.4.30");
  EXPECT_EQ(Decision->CxxReason->Provided, "3.4.24");
  // The host libstdc++ needs GLIBC_2.36, more than AL2's 2.26.
  EXPECT_TRUE(Decision->BundleLibc);
  EXPECT_EQ(Decision->BundledSonames,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libc.so.6",
                                      "libgcc_s.so.1", "libm.so.6",
                                      "libstdc++.so.6"}));
}

TEST(FindTooNewTest, ReportsTheHighestRequirement) {
  RuntimeProfile Al2 = profile("provided.al2");
  std::vector<VersionRequirement> Reqs;
  for (StringRef V : {"2.17", "2.28", "2.34", "2.27"}) {
    VersionRequirement Req;
    Req.Family = VersionFamily::Glibc;
    Req.Name = ("GLIBC_" + V).str();
    Req.Version = V.str();
    Req.Library = "libc.so.6";
    Reqs.push_back(Req);
  }
  auto Worst = findTooNew(Reqs, VersionFamily::Glibc, Al2);
  ASSERT_TRUE(Worst.has_value());
  EXPECT_EQ(Worst->Name, "GLIBC_2.34");
  EXPECT_FALSE(findTooNew(Reqs, VersionFamily::Glibcxx, Al2).has_value());
  Reqs.pop_back();
  Reqs.erase(Reqs.begin() + 1, Reqs.end());
  EXPECT_FALSE(findTooNew(Reqs, VersionFamily::Glibc, Al2).has_value());
}

/// Builds a real program against this machine's glibc (2.36 on Debian
/// bookworm) and resolves it: a 2.36 symbol must force bundling, a program
/// using only old symbols must not.
class RealGlibcTest : public ::testing::Test {
protected:
  void SetUp() override {
    SmallString<128> Path;
    ASSERT_FALSE(sys::fs::createUniqueDirectory("brisk-versions-test", Path));
    Root = Path.str().str();
  }
  void TearDown() override { sys::fs::remove_directories(Root); }

  std::string build(StringRef Name, StringRef Source) {
    std::string Src = Root + "/" + Name.str() + ".c";
    std::string Out = Root + "/" + Name.str();
    {
      std::error_code EC;
      raw_fd_ostream OS(Src, EC);
      EXPECT_FALSE(EC);
      OS << Source;
    }
    int Rc =
        sys::ExecuteAndWait(BRISK_TEST_CC, {BRISK_TEST_CC, "-o", Out, Src});
    EXPECT_EQ(Rc, 0);
    return Out;
  }

  std::string Root;
};

TEST_F(RealGlibcTest, Arc4randomNeedsGlibc236) {
  RuntimeProfile Al2023 = profile("provided.al2023");
  std::string Exe = build("orders", R"(
#include <stdlib.h>
int main(void) { return (int)(arc4random() & 1u); }
)");
  auto Closure = resolveDependencies(Exe, {}, Al2023);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  auto Reqs = collectRequirements(*Closure, {}, true);
  auto Worst = findTooNew(Reqs, VersionFamily::Glibc, Al2023);
  ASSERT_TRUE(Worst.has_value());
  EXPECT_EQ(Worst->Name, "GLIBC_2.36");
  EXPECT_EQ(Worst->Library, "libc.so.6");

  auto Refused = decideBundle(*Closure, Al2023, false);
  ASSERT_FALSE(bool(Refused));
  EXPECT_EQ(toString(Refused.takeError()),
            "needs GLIBC_2.36 (from libc.so.6) but provided.al2023 has "
            "glibc 2.34; rebuild on an older glibc or drop "
            "--no-bundle-libc");

  auto Decision = decideBundle(*Closure, Al2023, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_TRUE(Decision->BundleLibc);
  EXPECT_EQ(Decision->LoaderName, "ld-linux-x86-64.so.2");
  EXPECT_TRUE(sys::fs::exists(Decision->LoaderPath));
  EXPECT_EQ(Decision->BundledSonames,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libc.so.6"}));
}

TEST_F(RealGlibcTest, ForeignLoaderIsBundled) {
  // Linked for a loader at a path the image does not have (as Nix or a
  // custom toolchain does): only shipping that loader lets it start.
  std::string Loader = Root + "/ld-custom.so.2";
  ASSERT_FALSE(sys::fs::copy_file("/lib64/ld-linux-x86-64.so.2", Loader));
  std::string Src = Root + "/main.c";
  {
    std::error_code EC;
    raw_fd_ostream OS(Src, EC);
    ASSERT_FALSE(EC);
    OS << "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n";
  }
  std::string Exe = Root + "/orders";
  ASSERT_EQ(
      sys::ExecuteAndWait(BRISK_TEST_CC, {BRISK_TEST_CC, "-o", Exe, Src,
                                          "-Wl,--dynamic-linker=" + Loader}),
      0);
  RuntimeProfile Al2023 = profile("provided.al2023");
  auto Closure = resolveDependencies(Exe, {}, Al2023);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());

  auto Decision = decideBundle(*Closure, Al2023, true);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_TRUE(Decision->BundleLibc);
  EXPECT_FALSE(Decision->GlibcReason.has_value());
  EXPECT_EQ(Decision->ForeignInterpreter, Loader);
  EXPECT_EQ(Decision->LoaderName, "ld-linux-x86-64.so.2");
  EXPECT_EQ(Decision->LoaderPath, Loader);
  // One loader, under its soname, next to the libc it belongs to.
  EXPECT_EQ(Decision->BundledSonames,
            (std::vector<std::string>{"ld-linux-x86-64.so.2", "libc.so.6"}));

  auto Refused = decideBundle(*Closure, Al2023, false);
  ASSERT_FALSE(bool(Refused));
  EXPECT_EQ(toString(Refused.takeError()),
            "asks for the loader " + Loader +
                " but provided.al2023 has /lib64/ld-linux-x86-64.so.2; link "
                "with the standard loader or drop --no-bundle-libc");
}

TEST_F(RealGlibcTest, OldSymbolsOnlyNeedNoBundle) {
  RuntimeProfile Al2023 = profile("provided.al2023");
  std::string Exe = build("orders", R"(
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
)");
  auto Closure = resolveDependencies(Exe, {}, Al2023);
  ASSERT_TRUE(bool(Closure)) << toString(Closure.takeError());
  auto Decision = decideBundle(*Closure, Al2023, false);
  ASSERT_TRUE(bool(Decision)) << toString(Decision.takeError());
  EXPECT_FALSE(Decision->BundleLibc);
  EXPECT_EQ(Decision->ForeignInterpreter, "");
  EXPECT_TRUE(Decision->BundledSonames.empty());
  // The same program is too new for Amazon Linux 2 (glibc 2.26): it needs
  // __libc_start_main@GLIBC_2.34.
  RuntimeProfile Al2 = profile("provided.al2");
  auto ForAl2 = decideBundle(*Closure, Al2, true);
  ASSERT_TRUE(bool(ForAl2)) << toString(ForAl2.takeError());
  EXPECT_TRUE(ForAl2->BundleLibc);
  ASSERT_TRUE(ForAl2->GlibcReason.has_value());
  EXPECT_EQ(ForAl2->GlibcReason->Name, "GLIBC_2.34");
}

} // namespace
