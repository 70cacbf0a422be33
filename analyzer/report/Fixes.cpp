//===- Fixes.cpp - Applying and exporting fix-its -------------------------===//

#include "report/Fixes.h"

#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

#include <map>

namespace brisk {

namespace {

llvm::Error fail(const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), What);
}

llvm::Expected<clang::tooling::Replacement>
replacementFor(const FixIt &Fix, SourceFiles &Sources) {
  std::optional<unsigned> Offset =
      Sources.offset(Fix.Loc.File, Fix.Loc.Line, Fix.Loc.Column);
  if (!Offset)
    return fail(Fix.Loc.File + ":" + llvm::Twine(Fix.Loc.Line) + ":" +
                llvm::Twine(Fix.Loc.Column) +
                ": the file changed since it was analysed; no fix applied");
  return clang::tooling::Replacement(Fix.Loc.File, *Offset, Fix.Length,
                                     Fix.Replacement);
}

/// Adds R unless it is already there (the same edit from two findings).
llvm::Error addOnce(clang::tooling::Replacements &Set,
                    const clang::tooling::Replacement &R) {
  for (const clang::tooling::Replacement &Old : Set)
    if (Old == R)
      return llvm::Error::success();
  if (llvm::Error E = Set.add(R))
    return fail(R.getFilePath() +
                ": conflicting fix-its: " + llvm::toString(std::move(E)));
  return llvm::Error::success();
}

} // namespace

llvm::Error exportFixes(llvm::ArrayRef<Finding> Findings,
                        llvm::StringRef BuildDirectory, SourceFiles &Sources,
                        llvm::raw_ostream &OS) {
  clang::tooling::TranslationUnitDiagnostics Doc;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    clang::tooling::Diagnostic D("brisk-" + F.Rule,
                                 F.Level == Severity::Error
                                     ? clang::tooling::Diagnostic::Error
                                     : clang::tooling::Diagnostic::Warning,
                                 BuildDirectory);
    D.Message.Message = F.Message;
    D.Message.FilePath = F.Loc.File;
    D.Message.FileOffset =
        Sources.offset(F.Loc.File, F.Loc.Line, F.Loc.Column).value_or(0);
    for (const FixIt &Fix : F.Fixes) {
      auto R = replacementFor(Fix, Sources);
      if (!R)
        return R.takeError();
      if (auto E = addOnce(D.Message.Fix[Fix.Loc.File], *R))
        return E;
    }
    Doc.Diagnostics.push_back(std::move(D));
  }
  llvm::yaml::Output YAML(OS);
  YAML << Doc;
  return llvm::Error::success();
}

llvm::Expected<unsigned> applyFixes(llvm::ArrayRef<Finding> Findings,
                                    SourceFiles &Sources) {
  std::map<std::string, clang::tooling::Replacements> PerFile;
  for (const Finding &F : Findings)
    for (const FixIt &Fix : F.Fixes) {
      auto R = replacementFor(Fix, Sources);
      if (!R)
        return R.takeError();
      if (auto E = addOnce(PerFile[Fix.Loc.File], *R))
        return std::move(E);
    }
  unsigned Changed = 0;
  for (const auto &[File, Set] : PerFile) {
    std::optional<llvm::StringRef> Text = Sources.text(File);
    if (!Text)
      return fail(File + ": cannot read the file to fix it");
    auto Fixed = clang::tooling::applyAllReplacements(*Text, Set);
    if (!Fixed)
      return fail(File + ": " + llvm::toString(Fixed.takeError()));
    // Written beside the file and renamed over it: never half-written.
    if (auto E = llvm::writeToOutput(File, [&](llvm::raw_ostream &OS) {
          OS << *Fixed;
          return llvm::Error::success();
        }))
      return fail(File + ": cannot write the fixed file: " +
                  llvm::toString(std::move(E)));
    ++Changed;
  }
  return Changed;
}

} // namespace brisk
