//===- Interpreter.cpp - Point a program at the loader it ships with ------===//

#include "elf/Interpreter.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Object/ELFObjectFile.h"

#include <algorithm>

using namespace llvm;

namespace brisk {

bool interpreterFits(const ElfInfo &Info, StringRef Path) {
  return any_of(Info.ProgramHeaders, [&](const ProgramHeader &P) {
    return P.Type == ELF::PT_INTERP && P.FileSize > Path.size();
  });
}

template <class ELFT>
static Error setInterpreterAs(std::string &Bytes, StringRef Path) {
  auto File = object::ELFFile<ELFT>::create(Bytes);
  if (!File)
    return File.takeError();
  auto Headers = File->program_headers();
  if (!Headers)
    return Headers.takeError();
  for (const auto &P : *Headers) {
    if (P.p_type != ELF::PT_INTERP)
      continue;
    uint64_t Offset = P.p_offset, Size = P.p_filesz;
    if (Offset > Bytes.size() || Size > Bytes.size() - Offset ||
        Size <= Path.size())
      return createStringError("PT_INTERP has no room for '" + Path + "'");
    std::fill_n(Bytes.begin() + Offset, Size, '\0');
    std::copy(Path.begin(), Path.end(), Bytes.begin() + Offset);
    return Error::success();
  }
  return createStringError("no PT_INTERP to point at '" + Path + "'");
}

Error setInterpreter(std::string &Bytes, StringRef Path) {
  if (Bytes.size() < ELF::EI_NIDENT || !looksLikeElf(Bytes))
    return createStringError("not an ELF file");
  bool Is64 = Bytes[ELF::EI_CLASS] == ELF::ELFCLASS64;
  bool IsLE = Bytes[ELF::EI_DATA] == ELF::ELFDATA2LSB;
  if (Is64)
    return IsLE ? setInterpreterAs<object::ELF64LE>(Bytes, Path)
                : setInterpreterAs<object::ELF64BE>(Bytes, Path);
  return IsLE ? setInterpreterAs<object::ELF32LE>(Bytes, Path)
              : setInterpreterAs<object::ELF32BE>(Bytes, Path);
}

bool importsSymbol(MemoryBufferRef Buffer, StringRef Name) {
  Expected<std::unique_ptr<object::ObjectFile>> Object =
      object::ObjectFile::createELFObjectFile(Buffer);
  if (!Object) {
    consumeError(Object.takeError());
    return false;
  }
  auto *Elf = cast<object::ELFObjectFileBase>(Object->get());
  for (const object::ELFSymbolRef &Sym : Elf->getDynamicSymbolIterators()) {
    Expected<uint32_t> Flags = Sym.getFlags();
    Expected<StringRef> SymName = Sym.getName();
    if (!Flags || !SymName) {
      consumeError(Flags.takeError());
      consumeError(SymName.takeError());
      continue;
    }
    if ((*Flags & object::SymbolRef::SF_Undefined) && *SymName == Name)
      return true;
  }
  return false;
}

} // namespace brisk
