//===- NeededChain.h - Why a library is in a program's closure ------------===//

#ifndef BRISK_PACKER_ELF_NEEDEDCHAIN_H
#define BRISK_PACKER_ELF_NEEDEDCHAIN_H

#include "elf/DependencyResolver.h"

#include <map>
#include <string>

namespace brisk {

/// For each soname of \p Closure, the shortest DT_NEEDED chain that brings
/// it in, from the program named \p Program: "greeting -> libcurl.so.4 ->
/// libssh2.so.1"; an --include file's chain starts "--include". Ties go to
/// the needer whose soname sorts first, so chains never depend on file
/// system order.
std::map<std::string, std::string>
neededChains(const DependencyClosure &Closure, llvm::StringRef Program);

} // namespace brisk

#endif
