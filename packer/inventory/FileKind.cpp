//===- FileKind.cpp - Tell executables, shared objects and data apart -----===//
//
// Only the ELF headers matter: an ET_EXEC file, or an ET_DYN file with the
// DF_1_PIE flag or with a PT_INTERP segment and no DT_SONAME (a PIE), is an
// executable; any other ET_DYN is a shared object (glibc's libc.so.6 has an
// interpreter too, and a soname): the rule is elfKindOf's, shared with
// readElfInfo, applied to headers read leniently. A file whose
// headers cannot be read is data.
//
//===----------------------------------------------------------------------===//

#include "elf/ElfFile.h"
#include "inventory/Inventory.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"

using namespace llvm;

namespace brisk {

StringRef fileKindName(FileKind Kind) {
  switch (Kind) {
  case FileKind::ElfExecutable:
    return "elf-executable";
  case FileKind::SharedObject:
    return "shared-object";
  case FileKind::Other:
    return "other";
  case FileKind::Symlink:
    return "symlink";
  case FileKind::Folder:
    return "folder";
  }
  llvm_unreachable("unknown file kind");
}

static FileKind fileKindOf(ElfKind Kind) {
  switch (Kind) {
  case ElfKind::Executable:
  case ElfKind::PieExecutable:
    return FileKind::ElfExecutable;
  case ElfKind::SharedObject:
    return FileKind::SharedObject;
  case ElfKind::Other:
    return FileKind::Other;
  }
  llvm_unreachable("unknown ELF kind");
}

template <class ELFT> static FileKind classifyElf(StringRef Bytes) {
  Expected<object::ELFFile<ELFT>> File = object::ELFFile<ELFT>::create(Bytes);
  if (!File) {
    consumeError(File.takeError());
    return FileKind::Other;
  }
  unsigned Type = File->getHeader().e_type;
  if (Type != ELF::ET_DYN)
    return fileKindOf(elfKindOf(Type, false, false, false));
  auto Headers = File->program_headers();
  if (!Headers) {
    // A damaged PIE still behaves as a shared object for bundling purposes.
    consumeError(Headers.takeError());
    return FileKind::SharedObject;
  }
  bool HasInterp = any_of(*Headers, [](const typename ELFT::Phdr &Phdr) {
    return Phdr.p_type == ELF::PT_INTERP;
  });
  // llvm::object reads PT_DYNAMIC wherever it points (fuzzing found it
  // reading far outside the file): a segment outside is damage like any
  // other unreadable dynamic section, and the interpreter alone decides.
  uint64_t Size = Bytes.size();
  bool DynamicInFile = all_of(*Headers, [Size](const typename ELFT::Phdr &P) {
    return P.p_type != ELF::PT_DYNAMIC ||
           (P.p_offset <= Size && P.p_filesz <= Size - P.p_offset);
  });
  FileKind Damaged = fileKindOf(elfKindOf(Type, false, HasInterp, false));
  if (!DynamicInFile)
    return Damaged;
  auto Dynamic = File->dynamicEntries();
  if (!Dynamic) {
    consumeError(Dynamic.takeError());
    return Damaged;
  }
  // A static PIE (Rust's musl targets, -static-pie) has no interpreter; the
  // linker marks it with DF_1_PIE.
  bool HasPieFlag = false, HasSoname = false;
  for (const auto &Dyn : *Dynamic) {
    HasPieFlag |=
        Dyn.d_tag == ELF::DT_FLAGS_1 && (Dyn.getVal() & ELF::DF_1_PIE);
    HasSoname |= Dyn.d_tag == ELF::DT_SONAME;
  }
  return fileKindOf(elfKindOf(Type, HasPieFlag, HasInterp, HasSoname));
}

FileKind classifyContents(StringRef Bytes) {
  if (Bytes.size() < ELF::EI_NIDENT || !looksLikeElf(Bytes))
    return FileKind::Other;
  bool Is64 = Bytes[ELF::EI_CLASS] == ELF::ELFCLASS64;
  bool IsLE = Bytes[ELF::EI_DATA] == ELF::ELFDATA2LSB;
  if (Is64)
    return IsLE ? classifyElf<object::ELF64LE>(Bytes)
                : classifyElf<object::ELF64BE>(Bytes);
  return IsLE ? classifyElf<object::ELF32LE>(Bytes)
              : classifyElf<object::ELF32BE>(Bytes);
}

} // namespace brisk
