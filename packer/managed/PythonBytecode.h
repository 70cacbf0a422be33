//===- PythonBytecode.h - --precompile-python -----------------------------===//
//
// /var/task is read-only on Lambda, so Python cannot cache the bytecode of
// modules shipped without it: every cold start compiles them again. With
// --precompile-python, brisk-pack compiles the modules that lack bytecode
// for the runtime's Python with the host's interpreter of exactly that
// version (compileall, never running the modules), with
// --invalidation-mode unchecked-hash (no source timestamps: the zip stays
// deterministic, and Python does not stat the source to validate it) and
// PYTHONHASHSEED=0 (set constants are marshalled in hash order).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_MANAGED_PYTHONBYTECODE_H
#define BRISK_PACKER_MANAGED_PYTHONBYTECODE_H

#include "plan/FunctionPlan.h"

#include <string>

namespace brisk {

struct PrecompileOutcome {
  /// Why nothing was compiled (no python3.X on PATH, another version), or "".
  std::string Skipped;
  std::string Interpreter;
  unsigned Added = 0;
  /// Modules the interpreter could not compile (syntax of another Python):
  /// shipped without bytecode, as before.
  unsigned Failed = 0;
};

/// "cpython-312" for "3.12".
std::string bytecodeTagFor(llvm::StringRef PythonVersion);

/// Adds DIR/__pycache__/NAME.cpython-3XY.pyc for each NAME.py of \p Plan
/// that lacks it, compiled into \p ScratchDir; \p Plan stays sorted.
llvm::Expected<PrecompileOutcome>
precompilePython(FunctionPlan &Plan, llvm::StringRef PythonVersion,
                 llvm::StringRef ScratchDir);

} // namespace brisk

#endif
