//===- UnitCollectionTest.cpp - The run's units from every function -------===//

#include "ManagedTreeFixture.h"

#include "managed/ManagedPlanner.h"
#include "plan/UnitCollection.h"

#include "llvm/ADT/STLExtras.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

// A managed function's plan as the content step and describeManagedUnits()
// leave it (every entry weighs 100 bytes zipped).
FunctionPlan managedPlan(const ManagedTree &T, StringRef Runtime,
                         StringRef Name) {
  FunctionPlan Plan = T.plan(Name);
  for (PlannedFile &F : Plan.Files)
    F.ZipBytes = 100;
  auto M = std::make_shared<ManagedPlan>();
  M->Facts = ManagedTree::facts(Runtime);
  Expected<ManagedUnits> U = buildManagedUnits(Plan, M->Facts);
  EXPECT_TRUE(bool(U)) << (U ? "" : toString(U.takeError()));
  if (U)
    M->Units = std::move(*U);
  Plan.Managed = std::move(M);
  return Plan;
}

const ShareableUnit *named(const LayerProblem &P, StringRef Name) {
  for (const ShareableUnit &U : P.Units)
    if (U.Name == Name)
      return &U;
  return nullptr;
}

void nodePackage(ManagedTree &T, StringRef Name, StringRef Json) {
  T.file(("node_modules/" + Name + "/package.json").str(), Json);
  T.file(("node_modules/" + Name + "/index.js").str(), "module.exports = 1;\n");
}

TEST(UnitCollection, IdenticalPackagesOfTwoFunctionsAreOneUnit) {
  ManagedTree A, B;
  for (ManagedTree *T : {&A, &B}) {
    T->file("pkg/__init__.py", "x = 1\n");
    T->file("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n");
  }
  A.file("lambda_function.py", "import pkg\n");
  B.file("lambda_function.py", "import pkg  # another handler\n");
  B.file("other/__init__.py", "y = 2\n");
  B.file("other-2.0.dist-info/RECORD", "other/__init__.py,,\n");
  std::vector<FunctionPlan> Plans = {managedPlan(A, "python3.12", "a"),
                                     managedPlan(B, "python3.12", "b")};
  CollectedUnits C = collectUnits(Plans, LayerLimits());
  ASSERT_EQ(C.Problem.Units.size(), 2u);
  const ShareableUnit *Pkg = named(C.Problem, "pkg 1.0");
  ASSERT_NE(Pkg, nullptr);
  EXPECT_EQ(Pkg->Users, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(Pkg->Files.front().LayerPath, "python/pkg");
  EXPECT_EQ(Pkg->ZipBytes, 4 * 100u);
  EXPECT_EQ(named(C.Problem, "other 2.0")->Users, (std::vector<size_t>{1}));
  // Own bytes: the handler and the end of the central directory.
  EXPECT_EQ(C.Problem.Functions[0].OwnZipBytes, 100u + 22u);
  EXPECT_EQ(C.Problem.Functions[0].OwnUnzippedBytes, 11u);
  size_t PkgIndex = Pkg - C.Problem.Units.data();
  ASSERT_EQ(C.Members[PkgIndex].size(), 2u);
  for (const UnitMembers &M : C.Members[PkgIndex]) {
    ASSERT_EQ(M.Files.size(), Pkg->Files.size());
    EXPECT_EQ(Plans[M.Plan].Files[M.Files[1]].ZipPath,
              Pkg->Files[1].FunctionPath);
  }
}

TEST(UnitCollection, DependenciesOfEveryFunctionAreUnited) {
  // 'shared' is identical in both; in 'a' it finds 'extra' beside it, in
  // 'b' the optional dependency is not installed.
  ManagedTree A, B;
  for (ManagedTree *T : {&A, &B}) {
    T->file("index.js", "");
    nodePackage(*T, "shared",
                R"({"version": "1.0.0", "optionalDependencies": {"extra": "*"},
                    "dependencies": {"common": "*"}})");
    nodePackage(*T, "common", R"({"version": "3.0.0"})");
  }
  nodePackage(A, "extra", R"({"version": "2.0.0"})");
  std::vector<FunctionPlan> Plans = {managedPlan(A, "nodejs20.x", "a"),
                                     managedPlan(B, "nodejs20.x", "b")};
  CollectedUnits C = collectUnits(Plans, LayerLimits());
  const LayerProblem &P = C.Problem;
  ASSERT_EQ(P.Units.size(), 3u);
  const ShareableUnit *Shared = named(P, "shared 1.0.0");
  const ShareableUnit *Extra = named(P, "extra 2.0.0");
  const ShareableUnit *Common = named(P, "common 3.0.0");
  ASSERT_TRUE(Shared && Extra && Common);
  std::vector<size_t> Needs = {size_t(Extra - P.Units.data()),
                               size_t(Common - P.Units.data())};
  llvm::sort(Needs);
  EXPECT_EQ(Shared->Dependencies, Needs);
  EXPECT_EQ(Extra->Users, (std::vector<size_t>{0}));
  EXPECT_EQ(Shared->Files.front().LayerPath, "nodejs/node_modules/shared");
}

TEST(UnitCollection, ThePackageStaysWhenOneFunctionNeedsItTo) {
  // 'app' is identical in both; in 'b' its dependency is the function's own
  // folder behind a link, so it stays there, and so in 'a' too.
  ManagedTree A, B;
  for (ManagedTree *T : {&A, &B}) {
    T->file("index.js", "");
    nodePackage(*T, "app",
                R"({"version": "1.0.0", "dependencies": {"local": "*"}})");
  }
  nodePackage(A, "local", R"({"version": "0.1.0"})");
  B.file("packages/local/package.json", R"({"version": "0.1.0"})");
  B.link("node_modules/local", "../packages/local");
  std::vector<FunctionPlan> Plans = {managedPlan(A, "nodejs20.x", "a"),
                                     managedPlan(B, "nodejs20.x", "b")};
  CollectedUnits C = collectUnits(Plans, LayerLimits());
  const ShareableUnit *App = named(C.Problem, "app 1.0.0");
  ASSERT_NE(App, nullptr);
  EXPECT_EQ(App->Users, (std::vector<size_t>{0, 1}));
  EXPECT_FALSE(App->MustStay) << "app itself leans on nothing";
  // b's local is a link into the function: that unit must stay, and app,
  // needing it, can only move with a local that is in a layer.
  bool LocalStays = false;
  for (size_t D : App->Dependencies)
    LocalStays |= C.Problem.Units[D].MustStay;
  EXPECT_TRUE(LocalStays);
}

TEST(UnitCollection, NativeFunctionsKeepTheirLibraryUnits) {
  FunctionPlan Plan;
  Plan.Name = "n";
  PlannedFile Lib;
  Lib.ZipPath = "lib/libx.so.1";
  Lib.Unit = "lib/libx.so.1";
  Lib.Sha256 = "00";
  Lib.Bytes = 10;
  Lib.ZipBytes = 7;
  PlannedFile Own;
  Own.ZipPath = "bootstrap";
  Own.Bytes = 3;
  Own.ZipBytes = 5;
  Plan.Files = {Own, Lib};
  CollectedUnits C = collectUnits({Plan, Plan}, LayerLimits());
  ASSERT_EQ(C.Problem.Units.size(), 1u);
  EXPECT_EQ(C.Problem.Units[0].Name, "libx.so.1");
  EXPECT_EQ(C.Problem.Units[0].Users, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(C.Problem.Units[0].Files[0].LayerPath, "lib/libx.so.1");
  EXPECT_EQ(C.Problem.Functions[1].OwnZipBytes, 5u + 22u);
}

TEST(UnitCollection, NativeLibrariesGoWhereTheRuntimesLayersKeepThem) {
  FunctionPlan Plan;
  Plan.Name = "n";
  Plan.LibLayerDir = "usr/lib64"; // as a runtime file's layer_paths.lib
  PlannedFile Lib;
  Lib.ZipPath = "lib/libx.so.1";
  Lib.Unit = "lib/libx.so.1";
  Lib.Sha256 = "00";
  Plan.Files = {Lib};
  CollectedUnits C = collectUnits({Plan, Plan}, LayerLimits());
  ASSERT_EQ(C.Problem.Units.size(), 1u);
  EXPECT_EQ(C.Problem.Units[0].Files[0].LayerPath, "usr/lib64/libx.so.1");
}

} // namespace
