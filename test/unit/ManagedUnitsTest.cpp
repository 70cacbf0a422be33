//===- ManagedUnitsTest.cpp - Installed packages as units of sharing ------===//

#include "ManagedTreeFixture.h"

#include "managed/InstalledPackages.h"
#include "managed/ManagedUnits.h"

#include "llvm/ADT/STLExtras.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

std::vector<std::string> namesOf(const ManagedUnits &U) {
  std::vector<std::string> Out;
  for (const ShareableUnit &Unit : U.Units)
    Out.push_back(Unit.Name);
  return Out;
}

// As the content step leaves them: every entry weighs 100 bytes zipped.
ManagedUnits unitsOf(const ManagedTree &T, StringRef Runtime,
                     StringRef Name = "fn") {
  FunctionPlan Plan = T.plan(Name);
  for (PlannedFile &F : Plan.Files)
    F.ZipBytes = 100;
  Expected<ManagedUnits> U =
      buildManagedUnits(Plan, ManagedTree::facts(Runtime));
  EXPECT_TRUE(bool(U)) << (U ? "" : toString(U.takeError()));
  return U ? std::move(*U) : ManagedUnits();
}

std::vector<std::string> pathsOf(const ShareableUnit &U) {
  std::vector<std::string> Out;
  for (const UnitFile &F : U.Files)
    Out.push_back(F.FunctionPath);
  return Out;
}

using Paths = std::vector<std::string>;

TEST(ManagedUnits, RecordClaimsFilesOutsideThePackageFolder) {
  ManagedTree T;
  T.file("lambda_function.py", "import fast\n");
  T.file("fast/__init__.py", "");
  T.file("fast/__pycache__/__init__.cpython-312.pyc", "compiled later");
  T.file("fast.libs/libz-1a2b.so.1", "lib");
  T.file("bin/fast-cli", "#!/bin/sh\n");
  T.file("bin/other-cli", "#!/bin/sh\n");
  T.file("fast-1.0.dist-info/METADATA", "Name: fast\n");
  T.file("fast-1.0.dist-info/RECORD",
         "fast/__init__.py,sha256=x,0\n\"fast.libs/libz-1a2b.so.1\",,\n"
         "../../bin/fast-cli,,\nfast-1.0.dist-info/RECORD,,\n");
  ManagedUnits U = unitsOf(T, "python3.12");
  ASSERT_EQ(U.Units.size(), 1u);
  EXPECT_EQ(U.Units[0].Name, "fast 1.0");
  EXPECT_EQ(
      pathsOf(U.Units[0]),
      (Paths{"bin/fast-cli", "fast", "fast-1.0.dist-info",
             "fast-1.0.dist-info/METADATA", "fast-1.0.dist-info/RECORD",
             "fast.libs", "fast.libs/libz-1a2b.so.1", "fast/__init__.py",
             "fast/__pycache__", "fast/__pycache__/__init__.cpython-312.pyc"}));
  EXPECT_EQ(U.Units[0].Files[0].LayerPath, "python/bin/fast-cli");
  EXPECT_EQ(U.FunctionOnly,
            (Paths{"bin", "bin/other-cli", "lambda_function.py"}));
  EXPECT_FALSE(U.Units[0].MustStay);
  EXPECT_TRUE(U.Units[0].Users.empty());
  EXPECT_TRUE(U.Units[0].Dependencies.empty());
}

TEST(ManagedUnits, TopLevelNamesModulesExtensionsAndTheirBytecode) {
  ManagedTree T;
  T.file("six.py", "x = 1\n");
  T.file("__pycache__/six.cpython-312.pyc", "b");
  T.file("__pycache__/mine.cpython-312.pyc", "b");
  T.file("mine.py", "");
  T.file("_cffi_backend.cpython-312-x86_64-linux-gnu.so", "not elf");
  T.file("six-1.16.0.dist-info/top_level.txt", "six\n");
  T.file("cffi-1.0.dist-info/top_level.txt", "_cffi_backend\ncffi\n");
  T.file("cffi/__init__.py", "");
  ManagedUnits U = unitsOf(T, "python3.12");
  ASSERT_EQ(U.Units.size(), 2u);
  EXPECT_EQ(pathsOf(U.Units[0]),
            (Paths{"_cffi_backend.cpython-312-x86_64-linux-gnu.so", "cffi",
                   "cffi-1.0.dist-info", "cffi-1.0.dist-info/top_level.txt",
                   "cffi/__init__.py"}));
  EXPECT_EQ(pathsOf(U.Units[1]),
            (Paths{"__pycache__/six.cpython-312.pyc", "six-1.16.0.dist-info",
                   "six-1.16.0.dist-info/top_level.txt", "six.py"}));
  EXPECT_EQ(
      U.FunctionOnly,
      (Paths{"__pycache__", "__pycache__/mine.cpython-312.pyc", "mine.py"}));
}

TEST(ManagedUnits, EggInfoFoldersAndFiles) {
  ManagedTree T;
  T.file("yaml/__init__.py", "");
  T.file("_yaml/__init__.py", "");
  T.file("PyYAML-6.0.egg-info/top_level.txt", "_yaml\nyaml\n");
  T.file("PyYAML-6.0.egg-info/PKG-INFO", "Name: PyYAML\n");
  T.file("tiny.py", "");
  T.file("tiny-2.0.egg-info/installed-files.txt", "../tiny.py\nPKG-INFO\n");
  T.file("idna_ssl.py", "");
  T.file("idna_ssl-1.1.0-py3.11.egg-info", "Metadata-Version: 1.0\n");
  ManagedUnits U = unitsOf(T, "python3.12");
  ASSERT_EQ(U.Units.size(), 3u);
  EXPECT_EQ(namesOf(U), (Paths{"PyYAML 6.0", "idna_ssl 1.1.0", "tiny 2.0"}));
  EXPECT_EQ(pathsOf(U.Units[0]),
            (Paths{"PyYAML-6.0.egg-info", "PyYAML-6.0.egg-info/PKG-INFO",
                   "PyYAML-6.0.egg-info/top_level.txt", "_yaml",
                   "_yaml/__init__.py", "yaml", "yaml/__init__.py"}));
  EXPECT_EQ(pathsOf(U.Units[1]),
            (Paths{"idna_ssl-1.1.0-py3.11.egg-info", "idna_ssl.py"}));
  EXPECT_EQ(pathsOf(U.Units[2]),
            (Paths{"tiny-2.0.egg-info", "tiny-2.0.egg-info/installed-files.txt",
                   "tiny.py"}));
  EXPECT_TRUE(U.FunctionOnly.empty());
}

TEST(ManagedUnits, DistributionsSharingANamespaceAreOne) {
  ManagedTree T;
  T.file("google/auth/__init__.py", "");
  T.file("google/protobuf/__init__.py", "");
  T.file("google_auth-2.0.dist-info/RECORD", "google/auth/__init__.py,,\n");
  T.file("protobuf-4.0.dist-info/RECORD", "google/protobuf/__init__.py,,\n");
  T.file("other-1.0.dist-info/RECORD", "other.py,,\n");
  T.file("other.py", "");
  ManagedUnits U = unitsOf(T, "python3.12");
  ASSERT_EQ(U.Units.size(), 2u);
  EXPECT_EQ(U.Units[0].Name, "google_auth+protobuf 2.0");
  EXPECT_EQ(U.Units[0].Files.size(), 9u);
  EXPECT_EQ(U.Units[1].Name, "other 1.0");
}

TEST(ManagedUnits, OriginRunpathJoinsThePackagesItLoadsFrom) {
  ManagedTree T;
  T.write("lib.c", "int f(void) { return 1; }\n");
  ASSERT_TRUE(T.cc({"-shared", "-fPIC", "lib.c", "-o", "libext.so",
                    "-Wl,-rpath,$ORIGIN/../helper_libs"}));
  T.file("a/__init__.py", "");
  EXPECT_FALSE(
      sys::fs::copy_file(T.path("libext.so"),
                         T.path("fn/a/_ext.cpython-312-x86_64-linux-gnu.so")));
  T.file("a-1.0.dist-info/top_level.txt", "a\n");
  T.file("helper_libs/libh.so", "h");
  T.file("helper-1.0.dist-info/top_level.txt", "helper_libs\n");
  T.file("b/__init__.py", "");
  T.file("b-1.0.dist-info/top_level.txt", "b\n");
  ManagedUnits U = unitsOf(T, "python3.12");
  ASSERT_EQ(U.Units.size(), 2u);
  EXPECT_EQ(U.Units[0].Name, "a+helper 1.0");
  EXPECT_FALSE(U.Units[0].MustStay);

  // A RUNPATH into the function's own files keeps the package there.
  ManagedTree Own;
  Own.file("a/__init__.py", "");
  EXPECT_FALSE(sys::fs::copy_file(
      T.path("libext.so"),
      Own.path("fn/a/_ext.cpython-312-x86_64-linux-gnu.so")));
  Own.file("a-1.0.dist-info/top_level.txt", "a\n");
  Own.file("helper_libs/libh.so", "h");
  ManagedUnits V = unitsOf(Own, "python3.12");
  ASSERT_EQ(V.Units.size(), 1u);
  EXPECT_TRUE(V.Units[0].MustStay);
  EXPECT_EQ(V.StayReasons[0],
            "'a/_ext.cpython-312-x86_64-linux-gnu.so' loads libraries from the "
            "function's own 'helper_libs' (RUNPATH $ORIGIN)");
}

TEST(ManagedUnits, IdIsTheContentOfTheWholePackage) {
  auto Make = [](ManagedTree &T, StringRef Init, StringRef Handler) {
    T.file("lambda_function.py", Handler);
    T.file("pkg/__init__.py", Init);
    T.file("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n");
  };
  ManagedTree A, B, C;
  Make(A, "x = 1\n", "one");
  Make(B, "x = 1\n", "two: the function's own file differs");
  Make(C, "x = 2\n", "one");
  ManagedUnits UA = unitsOf(A, "python3.12", "first");
  ManagedUnits UB = unitsOf(B, "python3.12", "second");
  ManagedUnits UC = unitsOf(C, "python3.12", "first");
  ASSERT_EQ(UA.Units.size(), 1u);
  ASSERT_EQ(UB.Units.size(), 1u);
  ASSERT_EQ(UC.Units.size(), 1u);
  EXPECT_EQ(UA.Units[0].Id, UB.Units[0].Id);
  EXPECT_NE(UA.Units[0].Id, UC.Units[0].Id);
  EXPECT_EQ(UA.Units[0].Id.size(), 64u);
  EXPECT_EQ(UA.Units[0].UnzippedBytes, 6u + 18u);
  // Its entries' estimates from the content step: pkg, pkg/__init__.py,
  // the dist-info folder and its RECORD.
  EXPECT_EQ(UA.Units[0].ZipBytes, 4 * 100u);
}

TEST(ManagedUnits, IdIncludesTheLayerPath) {
  // The same files go to python/ for Python and under nodejs/ for Node.js:
  // at other layer paths they are other units.
  ManagedTree T;
  T.file("pkg/__init__.py", "x = 1\n");
  T.file("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n");
  RuntimeFacts Facts = ManagedTree::facts("python3.12");
  Expected<ManagedUnits> Here = buildManagedUnits(T.plan(), Facts);
  ASSERT_TRUE(bool(Here)) << toString(Here.takeError());
  Facts.PackageLayerPath = "python/lib/python3.12/site-packages";
  Expected<ManagedUnits> There = buildManagedUnits(T.plan(), Facts);
  ASSERT_TRUE(bool(There)) << toString(There.takeError());
  ASSERT_EQ(Here->Units.size(), 1u);
  ASSERT_EQ(There->Units.size(), 1u);
  EXPECT_NE(Here->Units[0].Id, There->Units[0].Id);
  EXPECT_EQ(There->Units[0].Files[0].LayerPath,
            "python/lib/python3.12/site-packages/pkg");
}

TEST(ManagedUnits, NodePackagesScopedNestedAndLinked) {
  ManagedTree T;
  T.file("index.js", "");
  T.file("package.json", "{}");
  T.file("node_modules/.package-lock.json", "{}");
  T.file("node_modules/a/package.json",
         R"({"version": "1.0.0", "dependencies": {"b": "^2", "@s/c": "*"},
             "optionalDependencies": {"missing": "*"},
             "peerDependencies": {"d": "*"}})");
  T.file("node_modules/a/node_modules/b/package.json",
         R"({"version": "2.0.0"})");
  T.file("node_modules/b/package.json", R"({"version": "1.0.0"})");
  T.file("node_modules/@s/c/package.json",
         R"({"version": "3.0.0", "dependencies": {"b": "*"}})");
  T.file("node_modules/@s/c/bin/cli.js", "");
  T.link("node_modules/.bin/cli", "../@s/c/bin/cli.js");
  T.file("node_modules/d/package.json", R"({"version": "4.0.0"})");
  ManagedUnits U = unitsOf(T, "nodejs20.x");
  ASSERT_EQ(U.Units.size(), 4u);
  EXPECT_EQ(namesOf(U), (Paths{"@s/c 3.0.0", "a 1.0.0", "b 1.0.0", "d 4.0.0"}));
  const ShareableUnit &C = U.Units[0], &A = U.Units[1], &B = U.Units[2];
  EXPECT_EQ(pathsOf(C),
            (Paths{"node_modules/.bin/cli", "node_modules/@s/c",
                   "node_modules/@s/c/bin", "node_modules/@s/c/bin/cli.js",
                   "node_modules/@s/c/package.json"}));
  EXPECT_EQ(C.Files[0].LayerPath, "nodejs/node_modules/.bin/cli");
  // a's b is its nested 2.0.0, part of a; @s/c's b is the hoisted one.
  EXPECT_EQ(pathsOf(A), (Paths{"node_modules/a", "node_modules/a/node_modules",
                               "node_modules/a/node_modules/b",
                               "node_modules/a/node_modules/b/package.json",
                               "node_modules/a/package.json"}));
  // Dependencies index the function's units: a needs @s/c and d, @s/c the
  // hoisted b.
  EXPECT_EQ(A.Dependencies, (std::vector<size_t>{0, 3}));
  EXPECT_EQ(C.Dependencies, (std::vector<size_t>{2}));
  EXPECT_TRUE(B.Dependencies.empty());
  EXPECT_EQ(U.FunctionOnly,
            (Paths{"index.js", "node_modules", "node_modules/.bin",
                   "node_modules/.package-lock.json", "node_modules/@s",
                   "package.json"}));
}

TEST(ManagedUnits, NodePackageLeaningOnTheFunctionStays) {
  ManagedTree T;
  T.file("packages/shared/package.json", R"({"version": "0.1.0"})");
  T.link("node_modules/shared", "../packages/shared");
  T.file("node_modules/app/package.json",
         R"({"version": "1.0.0", "dependencies": {"shared": "*"}})");
  ManagedUnits U = unitsOf(T, "nodejs20.x");
  ASSERT_EQ(U.Units.size(), 2u);
  EXPECT_EQ(namesOf(U), (Paths{"app 1.0.0", "shared"}));
  EXPECT_TRUE(U.Units[1].MustStay);
  EXPECT_EQ(U.StayReasons[1], "its link 'node_modules/shared' points at the "
                              "function's own 'packages/shared'");
  // app needs shared, which resolves to the link: an edge, not a stay.
  EXPECT_FALSE(U.Units[0].MustStay);
  EXPECT_EQ(U.Units[0].Dependencies, (std::vector<size_t>{1}));
}

TEST(ManagedUnits, MetadataTooLargeIsAnError) {
  ManagedTree T;
  T.file("x-1.0.dist-info/RECORD", std::string(MetadataBytesMax + 1, 'a'));
  FunctionPlan Plan = T.plan();
  Expected<ManagedUnits> U =
      buildManagedUnits(Plan, ManagedTree::facts("python3.12"));
  ASSERT_FALSE(bool(U));
  EXPECT_EQ(toString(U.takeError()),
            "'x-1.0.dist-info/RECORD' is 67108865 bytes, more than metadata "
            "ever is (67108864)");
}

TEST(ManagedUnits, PythonNameNormalisation) {
  EXPECT_EQ(normalisePythonName("Foo.Bar__baz-Qux"), "foo-bar-baz-qux");
  EXPECT_EQ(normalisePythonName("boto3"), "boto3");
}

} // namespace
