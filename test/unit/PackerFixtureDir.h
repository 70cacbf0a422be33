//===- PackerFixtureDir.h - A scratch folder for packer unit tests --------===//
//
// Packer tests compile their own ELF files with the C compiler the build
// found (BRISK_TEST_CC) into a fresh folder that is removed afterwards.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_TEST_UNIT_PACKERFIXTUREDIR_H
#define BRISK_TEST_UNIT_PACKERFIXTUREDIR_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

namespace brisk {

class FixtureDir {
public:
  explicit FixtureDir(llvm::StringRef Prefix) {
    llvm::SmallString<128> Path, Real;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory(Prefix, Path));
    // Canonical, so that paths compare equal to the real paths tools report.
    EXPECT_FALSE(llvm::sys::fs::real_path(Path, Real));
    Root = Real.str().str();
  }
  ~FixtureDir() { llvm::sys::fs::remove_directories(Root); }
  FixtureDir(const FixtureDir &) = delete;
  FixtureDir &operator=(const FixtureDir &) = delete;

  std::string path(llvm::StringRef Relative) const {
    return Root + "/" + Relative.str();
  }

  void write(llvm::StringRef Relative, llvm::StringRef Bytes) const {
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(Relative), EC);
    ASSERT_FALSE(EC) << path(Relative) << ": " << EC.message();
    OS << Bytes;
  }

  std::string read(llvm::StringRef Relative) const {
    auto Buffer = llvm::MemoryBuffer::getFile(path(Relative));
    EXPECT_TRUE(bool(Buffer)) << path(Relative);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  }

  /// Runs the C compiler in Root; returns whether it succeeded.
  bool cc(const std::vector<std::string> &Args) const {
    std::vector<llvm::StringRef> Argv = {BRISK_TEST_CC};
    for (const std::string &Arg : Args)
      Argv.push_back(Arg);
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    llvm::sys::fs::set_current_path(Root);
    int Rc = llvm::sys::ExecuteAndWait(BRISK_TEST_CC, Argv);
    llvm::sys::fs::set_current_path(Cwd);
    return Rc == 0;
  }

  std::string Root;
};

} // namespace brisk

#endif
