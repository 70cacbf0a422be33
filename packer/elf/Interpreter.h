//===- Interpreter.h - Point a program at the loader it ships with --------===//
//
// When the loader and libc are bundled, the program is made to name the
// bundled loader in its PT_INTERP, so that the kernel starts it directly:
// /proc/self/exe is then the program (re-executing itself, node's
// process.execPath, LLVM's getMainExecutable work), where running it as
// `ld.so --library-path lib bin/NAME` makes it the loader. The new path must
// fit in the bytes the linker reserved for the old one: nothing moves.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_INTERPRETER_H
#define BRISK_PACKER_ELF_INTERPRETER_H

#include "elf/ElfFile.h"

#include "llvm/Support/Error.h"

#include <string>

namespace brisk {

/// Whether \p Info's PT_INTERP has room for \p Path and its terminating NUL.
bool interpreterFits(const ElfInfo &Info, llvm::StringRef Path);

/// Rewrites the PT_INTERP string of the ELF image \p Bytes (and so .interp,
/// which holds the same bytes) to \p Path, zero-filling the rest.
llvm::Error setInterpreter(std::string &Bytes, llvm::StringRef Path);

/// Whether the ELF image \p Buffer takes \p Name from another object (an
/// undefined dynamic symbol). False when its dynamic symbols cannot be read.
bool importsSymbol(llvm::MemoryBufferRef Buffer, llvm::StringRef Name);

} // namespace brisk

#endif
