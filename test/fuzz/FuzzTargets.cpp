//===- FuzzTargets.cpp - The table of fuzz targets ------------------------===//

#include "FuzzTargets.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <cstdlib>
#include <string>

namespace brisk::fuzz {

llvm::ArrayRef<FuzzTarget> fuzzTargets() {
  static const FuzzTarget Targets[] = {
      {"elf", runElf},
      {"archive-inventory", runArchiveInventory},
      {"pack-config", runPackConfig},
      {"check-config", runCheckConfig},
      {"summary-cache", runSummaryCache},
  };
  return Targets;
}

namespace {

/// Removes its folder when the process exits.
struct ScratchFolder {
  std::string Path;

  ScratchFolder() {
    llvm::SmallString<128> Made;
    if (llvm::sys::fs::createUniqueDirectory("brisk-fuzz", Made))
      std::abort(); // nothing to fuzz with: a broken machine, not a finding
    Path = std::string(Made);
  }
  ~ScratchFolder() { llvm::sys::fs::remove_directories(Path); }
};

} // namespace

llvm::StringRef scratchDir() {
  static const ScratchFolder Folder;
  return Folder.Path;
}

} // namespace brisk::fuzz
