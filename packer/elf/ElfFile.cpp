//===- ElfFile.cpp - What brisk-pack reads from an ELF file ---------------===//

#include "elf/ElfFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;
using namespace llvm::object;

namespace brisk {

bool looksLikeElf(StringRef Bytes) {
  return Bytes.starts_with("\x7f"
                           "ELF");
}

ElfKind elfKindOf(unsigned Type, bool HasPieFlag, bool HasInterp,
                  bool HasSoname) {
  if (Type == ELF::ET_EXEC)
    return ElfKind::Executable;
  if (Type != ELF::ET_DYN)
    return ElfKind::Other;
  if (HasPieFlag || (HasInterp && !HasSoname))
    return ElfKind::PieExecutable;
  return ElfKind::SharedObject;
}

StringRef machineName(uint16_t Machine) {
  switch (Machine) {
  case ELF::EM_X86_64:
    return "x86_64";
  case ELF::EM_AARCH64:
    return "aarch64";
  case ELF::EM_386:
    return "i386";
  case ELF::EM_ARM:
    return "arm";
  case ELF::EM_PPC64:
    return "ppc64";
  case ELF::EM_S390:
    return "s390x";
  case ELF::EM_RISCV:
    return "riscv";
  default:
    return "unknown";
  }
}

/// "NAME: What", or just What for a buffer without a name (the caller names
/// the file itself).
static Error named(MemoryBufferRef Buffer, const Twine &What) {
  StringRef Name = Buffer.getBufferIdentifier();
  if (Name.empty())
    return createStringError(inconvertibleErrorCode(), What);
  return createStringError(inconvertibleErrorCode(), Name + ": " + What);
}

static Error malformed(MemoryBufferRef Buffer, const Twine &What) {
  return named(Buffer, "malformed ELF: " + What);
}

static std::vector<std::string> splitSearchPath(StringRef Value) {
  std::vector<std::string> Dirs;
  SmallVector<StringRef, 8> Parts;
  // Empty entries mean the current directory to the loader; keep them so the
  // resolver can decide, but never invent any.
  Value.split(Parts, ':', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  for (StringRef Part : Parts)
    Dirs.push_back(Part.str());
  return Dirs;
}

namespace {

template <class ELFT> class InfoReader {
public:
  using Elf_Phdr = typename ELFT::Phdr;
  using Elf_Shdr = typename ELFT::Shdr;
  using Elf_Sym = typename ELFT::Sym;

  InfoReader(const ELFFile<ELFT> &File, MemoryBufferRef Buffer)
      : File(File), Buffer(Buffer) {}

  Expected<ElfInfo> read() {
    ElfInfo Info;
    const auto &Header = File.getHeader();
    Info.Machine = Header.e_machine;
    Info.Is64Bit = ELFT::Is64Bits;
    Info.IsLittleEndian = ELFT::Endianness == llvm::endianness::little;

    auto Phdrs = File.program_headers();
    if (!Phdrs)
      return malformed(Buffer, toString(Phdrs.takeError()));
    bool HasInterp = false;
    if (Error E = checkLayout(*Phdrs))
      return E;
    for (const Elf_Phdr &Phdr : *Phdrs) {
      Info.ProgramHeaders.push_back({static_cast<uint32_t>(Phdr.p_type),
                                     static_cast<uint32_t>(Phdr.p_flags),
                                     static_cast<uint64_t>(Phdr.p_vaddr),
                                     static_cast<uint64_t>(Phdr.p_memsz),
                                     static_cast<uint64_t>(Phdr.p_offset),
                                     static_cast<uint64_t>(Phdr.p_filesz),
                                     static_cast<uint64_t>(Phdr.p_align)});
      if (Phdr.p_type == ELF::PT_INTERP) {
        HasInterp = true;
        if (Error E = readInterpreter(Phdr, Info.Interpreter))
          return E;
      }
      if (Phdr.p_type == ELF::PT_NOTE && Info.BuildId.empty())
        if (Error E = readBuildIdFromSegment(Phdr, Info.BuildId))
          return E;
    }

    readSections(Info);
    uint64_t Flags1 = 0;
    if (Error E = readDynamic(Info, Flags1))
      return E;
    if (VerneedAddr)
      if (Error E = readVersionNeeds(Info))
        return E;

    Info.Kind = elfKindOf(Header.e_type, Flags1 & ELF::DF_1_PIE, HasInterp,
                          !Info.SOName.empty());
    return Info;
  }

private:
  bool inFile(uint64_t Offset, uint64_t Size) const {
    uint64_t FileSize = Buffer.getBufferSize();
    return Offset <= FileSize && Size <= FileSize - Offset;
  }

  /// Every segment must lie inside the file. llvm::object trusts
  /// PT_DYNAMIC's offset and llvm::objcopy sizes its output from these
  /// fields: checking here is what keeps a corrupt file from crashing us or
  /// asking for terabytes.
  Error checkLayout(typename ELFFile<ELFT>::Elf_Phdr_Range Phdrs) {
    unsigned Index = 0;
    for (const Elf_Phdr &Phdr : Phdrs) {
      if (!inFile(Phdr.p_offset, Phdr.p_filesz))
        return malformed(Buffer, formatv("program header {0} lies outside "
                                         "the file",
                                         Index)
                                     .str());
      if (Phdr.p_type == ELF::PT_LOAD && Phdr.p_filesz > Phdr.p_memsz)
        return malformed(Buffer, formatv("program header {0} has a file "
                                         "size above its memory size",
                                         Index)
                                     .str());
      // What glibc's loader checks before mapping a segment.
      uint64_t Align = Phdr.p_align;
      if (Phdr.p_type == ELF::PT_LOAD &&
          (Align == 0 || (Align & (Align - 1)) != 0 ||
           (Phdr.p_vaddr - Phdr.p_offset) % Align != 0))
        return malformed(Buffer, formatv("loadable segment {0} is not "
                                         "properly aligned",
                                         Index)
                                     .str());
      const auto &Header = File.getHeader();
      if (Phdr.p_type == ELF::PT_PHDR &&
          (Phdr.p_offset != Header.e_phoff ||
           Phdr.p_filesz != uint64_t(Header.e_phnum) * Header.e_phentsize))
        return malformed(Buffer, formatv("PT_PHDR (program header {0}) does "
                                         "not describe the program headers",
                                         Index)
                                     .str());
      ++Index;
    }
    return Error::success();
  }

  Error readInterpreter(const Elf_Phdr &Phdr, std::string &Out) {
    StringRef Data = Buffer.getBuffer();
    if (Phdr.p_offset > Data.size() ||
        Phdr.p_filesz > Data.size() - Phdr.p_offset)
      return malformed(Buffer, "PT_INTERP lies outside the file");
    StringRef Interp = Data.substr(Phdr.p_offset, Phdr.p_filesz);
    Out = Interp.take_until([](char C) { return C == '\0'; }).str();
    return Error::success();
  }

  template <class NoteRange>
  static void takeBuildId(NoteRange Notes, uint64_t Align, std::string &Out) {
    for (const auto &Note : Notes) {
      if (Note.getType() != ELF::NT_GNU_BUILD_ID || Note.getName() != "GNU")
        continue;
      // The same rounding llvm::object's note iterator applies: alignments
      // 0 and 1 mean 4.
      Out = toHex(Note.getDesc(std::max<uint64_t>(Align, 4)),
                  /*LowerCase=*/true);
      return;
    }
  }

  Error readBuildIdFromSegment(const Elf_Phdr &Phdr, std::string &Out) {
    Error Err = Error::success();
    takeBuildId(File.notes(Phdr, Err), Phdr.p_align, Out);
    if (Err)
      return malformed(Buffer, "PT_NOTE: " + toString(std::move(Err)));
    return Error::success();
  }

  Error readDynamic(ElfInfo &Info, uint64_t &Flags1) {
    // A split debug file (--only-keep-debug) keeps PT_DYNAMIC but turns the
    // section into NOBITS: there is nothing to read, and that is fine.
    bool HasDynamicSegment = false;
    for (const ProgramHeader &Phdr : Info.ProgramHeaders) {
      if (Phdr.Type != ELF::PT_DYNAMIC)
        continue;
      if (Phdr.FileSize == 0)
        return Error::success();
      HasDynamicSegment = true;
    }
    // Without PT_DYNAMIC llvm::object looks for a dynamic section, which a
    // damaged table cannot tell; the loader would find nothing either.
    if (!HasDynamicSegment && !Info.SectionTableProblem.empty())
      return Error::success();
    auto Dyn = File.dynamicEntries();
    if (!Dyn)
      return malformed(Buffer, toString(Dyn.takeError()));
    if (Dyn->empty())
      return Error::success();

    uint64_t StrTab = 0, StrSize = 0;
    bool HasStrTab = false;
    for (const auto &Entry : *Dyn) {
      if (Entry.d_tag == ELF::DT_STRTAB) {
        StrTab = Entry.getPtr();
        HasStrTab = true;
      } else if (Entry.d_tag == ELF::DT_STRSZ) {
        StrSize = Entry.getVal();
      } else if (Entry.d_tag == ELF::DT_FLAGS_1) {
        Flags1 = Entry.getVal();
      } else if (Entry.d_tag == ELF::DT_VERNEED) {
        VerneedAddr = Entry.getPtr();
      } else if (Entry.d_tag == ELF::DT_VERNEEDNUM) {
        VerneedNum = Entry.getVal();
      }
    }
    if (!HasStrTab)
      return malformed(Buffer, "dynamic section without DT_STRTAB");
    auto Mapped = File.toMappedAddr(
        StrTab, [](const Twine &) { return Error::success(); });
    if (!Mapped)
      return malformed(Buffer, "DT_STRTAB: " + toString(Mapped.takeError()));
    StringRef Data = Buffer.getBuffer();
    const char *Begin = reinterpret_cast<const char *>(*Mapped);
    if (Begin < Data.begin() || Begin > Data.end() ||
        StrSize > static_cast<uint64_t>(Data.end() - Begin))
      return malformed(Buffer, "DT_STRTAB lies outside the file");
    DynStrings = StringRef(Begin, StrSize);
    for (const auto &Entry : *Dyn) {
      auto Tag = Entry.d_tag;
      if (Tag != ELF::DT_NEEDED && Tag != ELF::DT_SONAME &&
          Tag != ELF::DT_RUNPATH && Tag != ELF::DT_RPATH)
        continue;
      auto Text = StringAt(Entry.getVal());
      if (!Text)
        return Text.takeError();
      if (Tag == ELF::DT_NEEDED)
        Info.Needed.push_back(std::move(*Text));
      else if (Tag == ELF::DT_SONAME)
        Info.SOName = std::move(*Text);
      else if (Tag == ELF::DT_RUNPATH)
        Info.RunPath = splitSearchPath(*Text);
      else
        Info.RPath = splitSearchPath(*Text);
    }
    return Error::success();
  }

  Expected<std::string> StringAt(uint64_t Offset) {
    if (Offset >= DynStrings.size())
      return malformed(Buffer, formatv("dynamic string offset {0} is past "
                                       "the string table ({1} bytes)",
                                       Offset, DynStrings.size())
                                   .str());
    return DynStrings.substr(Offset)
        .take_until([](char C) { return C == '\0'; })
        .str();
  }

  /// Version needs through DT_VERNEED, as the loader finds them: this works
  /// for files without section headers too (sstrip, some packers). Entries
  /// must not overlap, which bounds the walk by the file size whatever the
  /// counts say (LLVM's own reader trusts them and can run out of memory).
  Error readVersionNeeds(ElfInfo &Info) {
    using Elf_Verneed = typename ELFT::Verneed;
    using Elf_Vernaux = typename ELFT::Vernaux;
    auto Mapped = File.toMappedAddr(
        VerneedAddr, [](const Twine &) { return Error::success(); });
    if (!Mapped)
      return malformed(Buffer, "DT_VERNEED: " + toString(Mapped.takeError()));
    StringRef Data = Buffer.getBuffer();
    const char *Start = reinterpret_cast<const char *>(*Mapped);
    if (Start < Data.begin() || Start >= Data.end())
      return malformed(Buffer, "DT_VERNEED lies outside the file");
    auto Fits = [&](uint64_t Offset, size_t Size) {
      return Offset % 4 == 0 && Offset <= Data.size() &&
             Size <= Data.size() - Offset;
    };
    uint64_t Offset = Start - Data.begin();
    for (uint64_t I = 0; I < VerneedNum; ++I) {
      if (!Fits(Offset, sizeof(Elf_Verneed)))
        return malformed(Buffer, "DT_VERNEED entry outside the file");
      const auto *Need =
          reinterpret_cast<const Elf_Verneed *>(Data.data() + Offset);
      auto Library = StringAt(Need->vn_file);
      if (!Library)
        return Library.takeError();
      uint64_t AuxOffset = Offset + Need->vn_aux;
      if (Need->vn_cnt != 0 && Need->vn_aux < sizeof(Elf_Verneed))
        return malformed(Buffer, "DT_VERNEED entries overlap");
      for (unsigned J = 0; J < Need->vn_cnt; ++J) {
        if (!Fits(AuxOffset, sizeof(Elf_Vernaux)))
          return malformed(Buffer, "DT_VERNEED auxiliary entry outside the "
                                   "file");
        const auto *Aux =
            reinterpret_cast<const Elf_Vernaux *>(Data.data() + AuxOffset);
        auto Version = StringAt(Aux->vna_name);
        if (!Version)
          return Version.takeError();
        Info.VersionNeeds.push_back({*Library, std::move(*Version)});
        if (Aux->vna_next == 0)
          break;
        if (Aux->vna_next < sizeof(Elf_Vernaux))
          return malformed(Buffer, "DT_VERNEED entries overlap");
        AuxOffset += Aux->vna_next;
      }
      if (Need->vn_next == 0)
        break;
      if (Need->vn_next < sizeof(Elf_Verneed))
        return malformed(Buffer, "DT_VERNEED entries overlap");
      Offset += Need->vn_next;
    }
    return Error::success();
  }

  /// Whether Sec starting in a PT_LOAD ends in it, and an allocated Sec
  /// lies in one at all (files without PT_LOAD, like objects, have no rule).
  static bool fitsLoadSegments(const ElfInfo &Info, const Elf_Shdr &Sec) {
    bool HasLoad = false;
    bool Inside = false;
    for (const ProgramHeader &Phdr : Info.ProgramHeaders) {
      if (Phdr.Type != ELF::PT_LOAD)
        continue;
      HasLoad = true;
      uint64_t End = Phdr.Offset + Phdr.FileSize;
      if (Sec.sh_offset < Phdr.Offset || Sec.sh_offset >= End)
        continue;
      if (Sec.sh_size > End - Sec.sh_offset)
        return false;
      Inside = true;
    }
    return Inside || !HasLoad || !(Sec.sh_flags & ELF::SHF_ALLOC);
  }

  /// What is wrong with a symbol table, or "". llvm::objcopy takes them on
  /// trust and crashes on one without the null symbol every linker writes
  /// first (found by fuzzing, test/fuzz/regressions/elf), or whose string
  /// table or first global symbol is not there.
  static std::string badSymbolTable(ArrayRef<Elf_Shdr> Sections) {
    for (size_t I = 0; I < Sections.size(); ++I) {
      const Elf_Shdr &Sec = Sections[I];
      if (Sec.sh_type != ELF::SHT_SYMTAB && Sec.sh_type != ELF::SHT_DYNSYM)
        continue;
      auto Bad = [I](const Twine &What) {
        return formatv("symbol table (section {0}) {1}", I, What).str();
      };
      if (Sec.sh_entsize != sizeof(Elf_Sym))
        return Bad(formatv("has entries of {0} bytes, not {1}",
                           uint64_t(Sec.sh_entsize), sizeof(Elf_Sym)));
      uint64_t Count = Sec.sh_size / sizeof(Elf_Sym);
      if (Sec.sh_size % sizeof(Elf_Sym) != 0 || Count == 0)
        return Bad(formatv("is {0} bytes: not a whole number of symbols "
                           "starting with the null symbol",
                           uint64_t(Sec.sh_size)));
      if (Sec.sh_info > Count)
        return Bad(formatv("says its globals start at symbol {0} of {1}",
                           uint64_t(Sec.sh_info), Count));
      if (Sec.sh_link == 0 || Sec.sh_link >= Sections.size() ||
          Sections[Sec.sh_link].sh_type != ELF::SHT_STRTAB)
        return Bad(formatv("links to section {0}, not a string table",
                           uint64_t(Sec.sh_link)));
    }
    return "";
  }

  /// The facts only the section table holds. A table that cannot be read is
  /// recorded as Info.SectionTableProblem, not an error: the loader never
  /// looks at it, so the program headers still say how the file runs.
  void readSections(ElfInfo &Info) {
    auto Problem = [&Info](const Twine &What) {
      Info.SectionTableProblem = What.str();
    };
    auto Sections = File.sections();
    if (!Sections)
      return Problem(toString(Sections.takeError()));
    // Bounds first: the name and note reads below follow other sections.
    unsigned Index = 0;
    for (const Elf_Shdr &Sec : *Sections) {
      if (Sec.sh_type != ELF::SHT_NOBITS && Sec.sh_type != ELF::SHT_NULL &&
          !inFile(Sec.sh_offset, Sec.sh_size))
        return Problem(formatv("section {0} lies outside the file", Index));
      ++Index;
    }
    if (std::string Bad = badSymbolTable(*Sections); !Bad.empty())
      return Problem(Bad);
    uint64_t MaxAlign = 0;
    bool Irregular = false, HasDebugInfo = false;
    std::string BuildId = Info.BuildId;
    for (const Elf_Shdr &Sec : *Sections) {
      MaxAlign = std::max<uint64_t>(MaxAlign, Sec.sh_addralign);
      if (Sec.sh_type != ELF::SHT_NOBITS && Sec.sh_size != 0 &&
          !fitsLoadSegments(Info, Sec))
        Irregular = true;
      auto Name = File.getSectionName(Sec);
      if (!Name)
        return Problem(toString(Name.takeError()));
      if (Name->starts_with(".debug_") || Name->starts_with(".zdebug_"))
        HasDebugInfo = true;
      if (Sec.sh_type == ELF::SHT_NOTE && BuildId.empty()) {
        Error Err = Error::success();
        takeBuildId(File.notes(Sec, Err), Sec.sh_addralign, BuildId);
        if (Err)
          return Problem("SHT_NOTE: " + toString(std::move(Err)));
      }
    }
    Info.MaxSectionAlign = MaxAlign;
    Info.IrregularSectionLayout = Irregular;
    Info.HasDebugInfo = HasDebugInfo;
    Info.BuildId = std::move(BuildId);
  }

  const ELFFile<ELFT> &File;
  MemoryBufferRef Buffer;
  StringRef DynStrings; // the dynamic string table, once found
  uint64_t VerneedAddr = 0, VerneedNum = 0;
};

template <class ELFT> Expected<ElfInfo> readAs(MemoryBufferRef Buffer) {
  auto File = ELFFile<ELFT>::create(Buffer.getBuffer());
  if (!File)
    return malformed(Buffer, toString(File.takeError()));
  return InfoReader<ELFT>(*File, Buffer).read();
}

} // namespace

Expected<ElfInfo> readElfInfo(MemoryBufferRef Buffer) {
  StringRef Data = Buffer.getBuffer();
  if (!looksLikeElf(Data))
    return named(Buffer, "not an ELF file");
  if (Data.size() < ELF::EI_NIDENT)
    return malformed(Buffer, "truncated ELF identification");
  unsigned char Class = Data[ELF::EI_CLASS];
  unsigned char Encoding = Data[ELF::EI_DATA];
  bool Little = Encoding == ELF::ELFDATA2LSB;
  if (Encoding != ELF::ELFDATA2LSB && Encoding != ELF::ELFDATA2MSB)
    return malformed(
        Buffer, formatv("unknown data encoding {0}", unsigned(Encoding)).str());
  if (Class == ELF::ELFCLASS64)
    return Little ? readAs<ELF64LE>(Buffer) : readAs<ELF64BE>(Buffer);
  if (Class == ELF::ELFCLASS32)
    return Little ? readAs<ELF32LE>(Buffer) : readAs<ELF32BE>(Buffer);
  return malformed(Buffer,
                   formatv("unknown ELF class {0}", unsigned(Class)).str());
}

} // namespace brisk
