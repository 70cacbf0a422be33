//===- Stripper.cpp - In-process ELF stripping through llvm::objcopy ------===//

#include "elf/Stripper.h"
#include "elf/ElfFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ObjCopy/ConfigManager.h"
#include "llvm/ObjCopy/ObjCopy.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace brisk {

Expected<StripMode> parseStripMode(StringRef Text) {
  if (Text == "none")
    return StripMode::None;
  if (Text == "debug")
    return StripMode::Debug;
  if (Text == "unneeded")
    return StripMode::Unneeded;
  if (Text == "all")
    return StripMode::All;
  return createStringError(inconvertibleErrorCode(),
                           "unknown strip mode '" + Text +
                               "' (expected none, debug, unneeded or all)");
}

/// Runs llvm::objcopy over In with Config filled in by Fill.
static Expected<std::string>
runObjcopy(MemoryBufferRef In,
           function_ref<void(objcopy::ConfigManager &)> Fill) {
  auto Binary = object::createBinary(In);
  if (!Binary)
    return Binary.takeError();
  objcopy::ConfigManager Config;
  Config.Common.InputFilename = In.getBufferIdentifier();
  Config.Common.OutputFilename = In.getBufferIdentifier();
  Fill(Config);
  std::string Out;
  raw_string_ostream OS(Out);
  if (Error E = objcopy::executeObjcopyOnBinary(Config, **Binary, OS))
    return E;
  OS.flush();
  return Out;
}

/// Why Stripped must not replace Original, or "" when it may. The loader
/// only looks at program headers: same count, types, addresses, sizes and
/// permissions, and file offsets still congruent to addresses modulo the
/// alignment ("ELF load command address/offset not properly aligned" is what
/// a broken strip produces).
static std::string rejectReason(const ElfInfo &Original, StringRef Stripped,
                                StringRef Name) {
  auto Info = readElfInfo(MemoryBufferRef(Stripped, Name));
  if (!Info)
    return "the stripped file does not read back as ELF (" +
           toString(Info.takeError()) + ")";
  if (Info->ProgramHeaders.size() != Original.ProgramHeaders.size())
    return "stripping changed the number of program headers";
  for (size_t I = 0; I < Original.ProgramHeaders.size(); ++I) {
    const ProgramHeader &A = Original.ProgramHeaders[I];
    const ProgramHeader &B = Info->ProgramHeaders[I];
    if (A.Type != B.Type || A.Flags != B.Flags || A.VAddr != B.VAddr ||
        A.MemSize != B.MemSize)
      return "stripping changed program header " + std::to_string(I);
    if (B.Type == ELF::PT_LOAD && B.Align > 1 &&
        (B.Offset % B.Align) != (B.VAddr % B.Align))
      return "stripping misaligned loadable segment " + std::to_string(I);
  }
  if (Info->Needed != Original.Needed || Info->SOName != Original.SOName ||
      Info->Interpreter != Original.Interpreter)
    return "stripping changed the dynamic section";
  return "";
}

static void fillStrip(objcopy::CommonConfig &Common, StripMode Mode) {
  // The same switches llvm-strip sets for --strip-debug, --strip-unneeded
  // and --strip-all.
  switch (Mode) {
  case StripMode::None:
    break;
  case StripMode::Debug:
    Common.StripDebug = true;
    break;
  case StripMode::Unneeded:
    Common.StripUnneeded = true;
    break;
  case StripMode::All:
    Common.StripAll = true;
    break;
  }
}

/// llvm::objcopy lays sections and segments out again, padding each to its
/// alignment: a corrupt alignment would make it allocate that much. Real
/// files align to at most a huge page; anything above is kept as it is, and
/// so is a layout no linker produces.
static std::string unusualLayout(const ElfInfo &Info) {
  // objcopy rebuilds the file from its sections.
  if (!Info.SectionTableProblem.empty())
    return "malformed ELF: " + Info.SectionTableProblem;
  constexpr uint64_t Limit = uint64_t(1) << 24;
  for (size_t I = 0; I < Info.ProgramHeaders.size(); ++I) {
    uint64_t Align = Info.ProgramHeaders[I].Align;
    if (Align > Limit || (Align & (Align - 1)) != 0)
      return "program header " + std::to_string(I) + " has alignment " +
             std::to_string(Align);
  }
  if (Info.MaxSectionAlign > Limit)
    return "a section has alignment " + std::to_string(Info.MaxSectionAlign);
  // objcopy writes such a section past the end of its output buffer.
  if (Info.IrregularSectionLayout)
    return "a section lies across or outside the loadable segments";
  return "";
}

namespace {
/// An allocated relocation section linked to a section other than .dynsym.
struct RelocLink {
  std::string Section;
  std::string Linked;
};
} // namespace

// llvm::objcopy takes every allocated relocation section for a dynamic one
// and insists that its sh_link names .dynsym. glibc's static executables
// link .rela.plt (the IRELATIVE relocations libc's start-up code applies
// through linker-defined symbols, never through section headers) to
// .symtab. Such links are cleared in a copy for objcopy and set again, by
// section name, in its output.
template <class ELFT>
static std::vector<RelocLink> clearRelocLinks(StringRef Bytes,
                                              std::string &Out) {
  std::vector<RelocLink> Links;
  auto File = object::ELFFile<ELFT>::create(Bytes);
  if (!File) {
    consumeError(File.takeError());
    return Links;
  }
  auto Sections = File->sections();
  if (!Sections) {
    consumeError(Sections.takeError());
    return Links;
  }
  for (const auto &Sec : *Sections) {
    bool Relocs = Sec.sh_type == ELF::SHT_RELA || Sec.sh_type == ELF::SHT_REL;
    if (!Relocs || !(Sec.sh_flags & ELF::SHF_ALLOC) || Sec.sh_link == 0 ||
        Sec.sh_link >= Sections->size() ||
        (*Sections)[Sec.sh_link].sh_type == ELF::SHT_DYNSYM)
      continue;
    auto Name = File->getSectionName(Sec);
    auto Linked = File->getSectionName((*Sections)[Sec.sh_link]);
    if (!Name || !Linked) {
      consumeError(Name.takeError());
      consumeError(Linked.takeError());
      continue;
    }
    Links.push_back({Name->str(), Linked->str()});
    if (Out.empty())
      Out = Bytes.str();
    size_t At = reinterpret_cast<const char *>(&Sec.sh_link) - Bytes.data();
    support::endian::write<uint32_t>(Out.data() + At, 0, ELFT::Endianness);
  }
  return Links;
}

template <class ELFT>
static void restoreRelocLinks(std::string &Bytes,
                              const std::vector<RelocLink> &Links) {
  auto File = object::ELFFile<ELFT>::create(Bytes);
  if (!File)
    return consumeError(File.takeError());
  auto Sections = File->sections();
  if (!Sections)
    return consumeError(Sections.takeError());
  auto IndexOf = [&](StringRef Wanted) -> std::optional<uint32_t> {
    for (size_t I = 0; I < Sections->size(); ++I) {
      auto Name = File->getSectionName((*Sections)[I]);
      if (Name && *Name == Wanted)
        return I;
      if (!Name)
        consumeError(Name.takeError());
    }
    return std::nullopt;
  };
  for (const RelocLink &L : Links) {
    std::optional<uint32_t> Sec = IndexOf(L.Section), To = IndexOf(L.Linked);
    // Stripped away (--strip=all drops .symtab): 0 is what objcopy wrote.
    if (!Sec || !To)
      continue;
    size_t At = reinterpret_cast<const char *>(&(*Sections)[*Sec].sh_link) -
                Bytes.data();
    support::endian::write<uint32_t>(Bytes.data() + At, *To, ELFT::Endianness);
  }
}

/// Clears what objcopy would refuse in a copy of \p In (made only when
/// needed, into \p Copy) and says what to set again in its output.
static std::vector<RelocLink> clearRelocLinks(const ElfInfo &Info, StringRef In,
                                              std::string &Copy) {
  if (Info.Is64Bit)
    return Info.IsLittleEndian ? clearRelocLinks<object::ELF64LE>(In, Copy)
                               : clearRelocLinks<object::ELF64BE>(In, Copy);
  return Info.IsLittleEndian ? clearRelocLinks<object::ELF32LE>(In, Copy)
                             : clearRelocLinks<object::ELF32BE>(In, Copy);
}

static void restoreRelocLinks(const ElfInfo &Info, std::string &Bytes,
                              const std::vector<RelocLink> &Links) {
  if (Info.Is64Bit)
    return Info.IsLittleEndian
               ? restoreRelocLinks<object::ELF64LE>(Bytes, Links)
               : restoreRelocLinks<object::ELF64BE>(Bytes, Links);
  return Info.IsLittleEndian ? restoreRelocLinks<object::ELF32LE>(Bytes, Links)
                             : restoreRelocLinks<object::ELF32BE>(Bytes, Links);
}

Expected<StripResult> stripElf(MemoryBufferRef In, StripMode Mode,
                               bool ExtractDebug) {
  StringRef Name = In.getBufferIdentifier();
  if (!looksLikeElf(In.getBuffer()))
    return createStringError(inconvertibleErrorCode(),
                             Name + ": not an ELF file, not stripped");
  StripResult Result;

  // Read the original fully first: objcopy trusts its input more than we
  // can afford to, and anything we cannot read we do not rewrite.
  auto Original = readElfInfo(In);
  if (!Original) {
    Result.Warning = toString(Original.takeError()) + "; kept unstripped";
    return Result;
  }
  Result.BuildId = Original->BuildId;
  // Object files, core dumps and the like are not loaded on Lambda; stripping
  // an object file's symbols would only make it useless for linking.
  if (Original->Kind == ElfKind::Other)
    return Result;
  if (std::string Odd = unusualLayout(*Original); !Odd.empty()) {
    Result.Warning = Name.str() + ": " + Odd + "; kept unstripped";
    return Result;
  }

  std::string Copy;
  std::vector<RelocLink> Links =
      clearRelocLinks(*Original, In.getBuffer(), Copy);
  MemoryBufferRef ObjcopyIn = Links.empty() ? In : MemoryBufferRef(Copy, Name);

  if (ExtractDebug && Original->HasDebugInfo) {
    auto Debug = runObjcopy(ObjcopyIn, [](objcopy::ConfigManager &Config) {
      Config.Common.OnlyKeepDebug = true;
    });
    if (Debug) {
      Result.DebugBytes = std::move(*Debug);
      restoreRelocLinks(*Original, Result.DebugBytes, Links);
    } else
      Result.Warning = Name.str() + ": cannot split debug info (" +
                       toString(Debug.takeError()) + ")";
  }

  if (Mode == StripMode::None)
    return Result;

  auto Stripped = runObjcopy(ObjcopyIn, [Mode](objcopy::ConfigManager &Config) {
    fillStrip(Config.Common, Mode);
  });
  if (!Stripped) {
    Result.Warning = Name.str() + ": " + toString(Stripped.takeError()) +
                     "; kept unstripped";
    return Result;
  }
  restoreRelocLinks(*Original, *Stripped, Links);
  std::string Reason = rejectReason(*Original, *Stripped, Name);
  if (!Reason.empty()) {
    Result.Warning = Name.str() + ": " + Reason + "; kept unstripped";
    return Result;
  }
  if (*Stripped != In.getBuffer()) {
    Result.Changed = true;
    Result.Bytes = std::move(*Stripped);
  }
  return Result;
}

std::string debugFileName(StringRef BuildId, StringRef RelativePath) {
  // A build id of one byte cannot be split into xx/rest; treat it as absent.
  if (BuildId.size() > 2)
    return (".build-id/" + BuildId.take_front(2) + "/" + BuildId.drop_front(2) +
            ".debug")
        .str();
  return (RelativePath + ".debug").str();
}

Expected<std::string> compressDebugSections(StringRef DebugBytes) {
  if (!compression::zstd::isAvailable())
    return createStringError(inconvertibleErrorCode(),
                             "this LLVM was built without zstd: cannot "
                             "compress debug sections");
  return runObjcopy(MemoryBufferRef(DebugBytes, "debug info"),
                    [](objcopy::ConfigManager &Config) {
                      Config.Common.CompressionType =
                          DebugCompressionType::Zstd;
                    });
}

Error writeDebugFile(StringRef Dir, StringRef BuildId, StringRef RelativePath,
                     StringRef DebugBytes, bool Compress) {
  // Debug files must land inside Dir whatever path the zip entry had.
  if (sys::path::is_absolute(RelativePath) ||
      llvm::is_contained(make_range(sys::path::begin(RelativePath),
                                    sys::path::end(RelativePath)),
                         ".."))
    return createStringError(inconvertibleErrorCode(),
                             "debug file for '" + RelativePath +
                                 "' would leave " + Dir);
  SmallString<256> Path(Dir);
  sys::path::append(Path, debugFileName(BuildId, RelativePath));
  std::string Compressed;
  if (Compress) {
    auto Bytes = compressDebugSections(DebugBytes);
    if (!Bytes)
      return createStringError(inconvertibleErrorCode(),
                               Path + ": " + toString(Bytes.takeError()));
    Compressed = std::move(*Bytes);
    DebugBytes = Compressed;
  }
  if (std::error_code EC =
          sys::fs::create_directories(sys::path::parent_path(Path)))
    return createStringError(EC, "cannot create the folder of " + Path + ": " +
                                     EC.message());
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << DebugBytes;
    return Error::success();
  });
}

} // namespace brisk
