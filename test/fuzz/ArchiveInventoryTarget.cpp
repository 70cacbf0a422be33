//===- ArchiveInventoryTarget.cpp - Fuzz the zip/tar inventory reader -----===//
//
// The input as a function's .zip (or tar, or anything libarchive detects):
// readInventory inflates it, checks the tree for hostile entries and hashes
// every file, as brisk-pack does before packing. The budget is small so that
// a bomb costs milliseconds, not the fuzzer's time limit.

#include "FuzzTargets.h"

#include "inventory/Inventory.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace brisk::fuzz {

void runArchiveInventory(llvm::StringRef Input) {
  llvm::SmallString<128> Work(scratchDir());
  llvm::sys::path::append(Work, "archive");
  llvm::SmallString<128> Spool(Work);
  llvm::sys::path::append(Spool, "spool");
  if (llvm::sys::fs::create_directories(Spool))
    std::abort();
  llvm::SmallString<128> Path(Work);
  llvm::sys::path::append(Path, "input.zip");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      std::abort();
    OS << Input;
  }

  InventoryOptions Options;
  Options.Threads = 1;
  Options.ScratchDir = std::string(Spool);
  Options.Budget = SizeBudget::forLimit(4 << 20);
  llvm::consumeError(readInventory(Path, Options).takeError());
  llvm::sys::fs::remove_directories(Work);
}

} // namespace brisk::fuzz
