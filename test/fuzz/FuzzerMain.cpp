//===- FuzzerMain.cpp - libFuzzer's entry point for one target ------------===//
//
// Built once per target with BRISK_FUZZ_TARGET naming it (see
// CMakeLists.txt).

#include "FuzzTargets.h"

#include "llvm/ADT/STLExtras.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace brisk::fuzz;

static const FuzzTarget &target() {
  static const FuzzTarget &Target = [&]() -> const FuzzTarget & {
    const FuzzTarget *It =
        llvm::find_if(fuzzTargets(), [](const FuzzTarget &T) {
          return T.Name == BRISK_FUZZ_TARGET;
        });
    if (It == fuzzTargets().end())
      std::abort();
    return *It;
  }();
  return Target;
}

// Targets build their fixed state (a scratch folder, the shipped catalogue,
// a cache entry to overwrite) on first use: do that before fuzzing, so that
// -timeout measures one input, not the setup.
extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  target().Run("");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  target().Run(llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  return 0;
}
