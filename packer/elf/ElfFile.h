//===- ElfFile.h - What brisk-pack reads from an ELF file -----------------===//
//
// The facts packing needs from one ELF object, read statically through
// llvm::object: never by running the file or ldd.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_ELF_ELFFILE_H
#define BRISK_PACKER_ELF_ELFFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBufferRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

enum class ElfKind { Executable, PieExecutable, SharedObject, Other };

/// One entry of .gnu.version_r: Library needs symbols at Version.
struct VersionNeed {
  std::string Library; // file name as in vn_file, e.g. "libc.so.6"
  std::string Version; // e.g. "GLIBC_2.34", "GLIBCXX_3.4.30", "CXXABI_1.3.13"

  bool operator==(const VersionNeed &) const = default;
};

/// A program header: how the loader maps the file.
struct ProgramHeader {
  uint32_t Type = 0;
  uint32_t Flags = 0;
  uint64_t VAddr = 0;
  uint64_t MemSize = 0;
  uint64_t Offset = 0;
  uint64_t FileSize = 0;
  uint64_t Align = 0;

  bool operator==(const ProgramHeader &) const = default;
};

struct ElfInfo {
  ElfKind Kind = ElfKind::Other;
  uint16_t Machine = 0; // e_machine, e.g. llvm::ELF::EM_X86_64
  bool Is64Bit = true;
  bool IsLittleEndian = true;
  std::string Interpreter;          // PT_INTERP, empty when absent
  std::string SOName;               // DT_SONAME, empty when absent
  std::vector<std::string> Needed;  // DT_NEEDED in file order
  std::vector<std::string> RunPath; // DT_RUNPATH split at ':'
  std::vector<std::string> RPath;   // DT_RPATH split at ':'
  std::string BuildId;              // NT_GNU_BUILD_ID as lower-case hex
  std::vector<VersionNeed> VersionNeeds;
  std::vector<ProgramHeader> ProgramHeaders;
  /// Why the section header table cannot be used (out of the file, a
  /// section outside the file, unreadable names or notes), or empty. The
  /// loader never reads it, so everything above still comes from the program
  /// headers; the section facts below are then unknown and left at their
  /// defaults, and the file must not be rewritten.
  std::string SectionTableProblem;
  /// Any .debug_* / .zdebug_* section: something --keep-debug can split off.
  bool HasDebugInfo = false;
  /// Largest sh_addralign of any section (0 without section headers).
  uint64_t MaxSectionAlign = 0;
  /// A section with contents starts inside a PT_LOAD segment and ends past
  /// it, or an allocated one lies outside every PT_LOAD. Linkers never do
  /// this; the loader does not care, but rewriting the file (stripping)
  /// would.
  bool IrregularSectionLayout = false;
};

/// True when Bytes start with the ELF magic. Cheap; for sorting an inventory.
bool looksLikeElf(llvm::StringRef Bytes);

/// Reads the header, program headers, dynamic section, build id and version
/// needs. ELF32/ELF64 in either byte order are read. A damaged section table
/// is not an error (see ElfInfo::SectionTableProblem); anything else
/// malformed is, naming what is wrong (prefixed with "IDENTIFIER: " when the
/// buffer has an identifier).
llvm::Expected<ElfInfo> readElfInfo(llvm::MemoryBufferRef Buffer);

/// What a file of ELF type \p Type is: ET_EXEC is an executable; an ET_DYN
/// is a PIE when it carries DF_1_PIE, or an interpreter and no soname (older
/// linkers set no flag; libc.so.6 has an interpreter but also a soname), and
/// a shared object otherwise.
ElfKind elfKindOf(unsigned Type, bool HasPieFlag, bool HasInterp,
                  bool HasSoname);

/// Short name of an e_machine value for messages ("x86_64", "aarch64").
llvm::StringRef machineName(uint16_t Machine);

} // namespace brisk

#endif
