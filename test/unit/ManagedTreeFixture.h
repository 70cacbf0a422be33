//===- ManagedTreeFixture.h - Python and Node.js trees for unit tests -----===//
//
// A scratch folder the test fills with a function's tree, read back as the
// planner sees it: the inventory's files as a FunctionPlan.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_TEST_UNIT_MANAGEDTREEFIXTURE_H
#define BRISK_TEST_UNIT_MANAGEDTREEFIXTURE_H

#include "PackerFixtureDir.h"

#include "inventory/Inventory.h"
#include "managed/RuntimeFacts.h"
#include "plan/FunctionPlan.h"

#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

namespace brisk {

class ManagedTree : public FixtureDir {
public:
  ManagedTree() : FixtureDir("brisk-managed-test") {
    EXPECT_FALSE(llvm::sys::fs::create_directories(path("scratch")));
    EXPECT_FALSE(llvm::sys::fs::create_directories(path("fn")));
  }

  /// Writes fn/\p Relative, making its folders.
  void file(llvm::StringRef Relative, llvm::StringRef Bytes) const {
    std::string Full = "fn/" + Relative.str();
    EXPECT_FALSE(llvm::sys::fs::create_directories(
        llvm::sys::path::parent_path(path(Full))));
    write(Full, Bytes);
  }

  void link(llvm::StringRef Relative, llvm::StringRef Target) const {
    std::string Full = path("fn/" + Relative.str());
    EXPECT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Full)));
    EXPECT_FALSE(llvm::sys::fs::create_link(Target, Full));
  }

  /// fn/ as the planner sees it, named \p Name.
  FunctionPlan plan(llvm::StringRef Name = "fn") const {
    InventoryOptions Options;
    Options.ScratchDir = path("scratch");
    llvm::Expected<Inventory> Inv = readInventory(path("fn"), Options);
    EXPECT_TRUE(bool(Inv)) << (Inv ? "" : llvm::toString(Inv.takeError()));
    FunctionPlan Plan;
    Plan.Name = Name.str();
    if (Inv)
      for (const InventoryFile &F : Inv->Files)
        Plan.Files.push_back(plannedFromInventory(F, F.Path));
    return Plan;
  }

  static RuntimeFacts facts(llvm::StringRef Runtime) {
    llvm::Expected<RuntimeFacts> F =
        loadRuntimeFacts(BRISK_TEST_RULES_DIR, Runtime);
    EXPECT_TRUE(bool(F)) << (F ? "" : llvm::toString(F.takeError()));
    return F ? *F : RuntimeFacts();
  }
};

} // namespace brisk

#endif
