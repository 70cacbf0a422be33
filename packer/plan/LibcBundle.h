//===- LibcBundle.h - What shipping the loader and libc adds --------------===//
//
// Beyond the libraries, a function that ships its own loader and libc needs:
// - its program pointed at the bundled loader (PT_INTERP, see
//   elf/Interpreter.h) under the task root, with lib/ld.so as a short name
//   for the loader that fits where the old path was, so that it runs
//   directly and /proc/self/exe is the program;
// - the libc's gconv modules in lib/gconv when it can call iconv_open, as
//   the bundled libc looks for them where the build machine has them, which
//   the runtime image does not: those rules/gconv.json lists (the Unicode
//   encodings glibc does not build in, the common single-byte charsets), or
//   with --gconv=all every one.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_PLAN_LIBCBUNDLE_H
#define BRISK_PACKER_PLAN_LIBCBUNDLE_H

#include "elf/ElfFile.h"
#include "elf/RuntimeProfile.h"
#include "plan/FunctionPlan.h"
#include "plan/PackOptions.h"

namespace brisk {

struct LibcExtras {
  /// The task root the program now runs directly under; "" when its
  /// PT_INTERP had no room and it runs through the loader.
  std::string DirectRoot;
  bool Gconv = false;
};

/// Adds to \p Plan, whose file \p Program is the program (described by
/// \p ProgramInfo) and whose libraries include the loader \p LoaderName and
/// the libc found at \p LibcPath on this machine, what running on the
/// bundled libc needs (Options.Gconv, Options.RulesDir). Notes go to
/// Plan.Warnings.
llvm::Expected<LibcExtras>
addLibcExtras(FunctionPlan &Plan, size_t Program, const ElfInfo &ProgramInfo,
              llvm::StringRef LoaderName, llvm::StringRef LibcPath,
              const RuntimeProfile &Runtime, const PackOptions &Options);

/// The module names (file stems, "ISO8859-15") of RulesDir/gconv.json.
llvm::Expected<std::vector<std::string>>
loadGconvModules(llvm::StringRef RulesDir);

} // namespace brisk

#endif
