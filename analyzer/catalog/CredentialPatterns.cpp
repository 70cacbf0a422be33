//===- CredentialPatterns.cpp - Load and match credential patterns --------===//

#include "catalog/CredentialPatterns.h"

#include "catalog/CatalogJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace brisk {

namespace {

llvm::Expected<std::shared_ptr<const llvm::Regex>>
compile(const std::string &Pattern, llvm::StringRef Where,
        llvm::StringRef File) {
  auto R = std::make_shared<llvm::Regex>(Pattern);
  std::string Error;
  if (!R->isValid(Error))
    return catalogError(File,
                        Where + ": invalid regex '" + Pattern + "': " + Error);
  return R;
}

unsigned longestRun(llvm::StringRef S) {
  unsigned Best = 0, Run = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    Run = I > 0 && S[I] == S[I - 1] ? Run + 1 : 1;
    Best = std::max(Best, Run);
  }
  return Best;
}

llvm::Error readPattern(const json &J, size_t Index, CredentialPattern &P,
                        llvm::StringRef File) {
  std::string Where = "pattern " + std::to_string(Index);
  if (!J.is_object())
    return catalogError(File, Where + ": must be an object");
  Where = "pattern '" + P.Id + "'";
  for (auto [Key, Field] :
       {std::pair<const char *, std::string *>{"description", &P.Description},
        {"regex", &P.Regex},
        {"next-to", &P.NextTo}}) {
    auto It = J.find(Key);
    if (It == J.end())
      continue;
    if (!It->is_string())
      return catalogError(File, Where + ": \"" + Key + "\" must be a string");
    *Field = It->get<std::string>();
  }
  if (auto E =
          readStringArray(J, "requires", P.Requires, Where, "regexes", File))
    return E;
  if (auto E =
          readStringArray(J, "excludes", P.Excludes, Where, "regexes", File))
    return E;
  if (auto It = J.find("max-run"); It != J.end()) {
    if (!It->is_number_unsigned())
      return catalogError(File, Where + ": \"max-run\" must be a count");
    P.MaxRun = It->get<unsigned>();
  }
  if (auto It = J.find("disabled"); It != J.end()) {
    if (!It->is_boolean())
      return catalogError(File, Where + ": \"disabled\" must be true or false");
    P.Disabled = It->get<bool>();
  }
  if (P.Regex.empty())
    return catalogError(File, Where + ": missing \"regex\"");
  if (P.Description.empty())
    return catalogError(File, Where + ": missing \"description\"");
  auto R = compile(P.Regex, Where, File);
  if (!R)
    return R.takeError();
  P.Compiled = std::move(*R);
  P.CompiledRequires.clear();
  P.CompiledExcludes.clear();
  for (auto [List, Out] : {std::pair{&P.Requires, &P.CompiledRequires},
                           std::pair{&P.Excludes, &P.CompiledExcludes}})
    for (const std::string &S : *List) {
      auto C = compile(S, Where, File);
      if (!C)
        return C.takeError();
      Out->push_back(std::move(*C));
    }
  return llvm::Error::success();
}

} // namespace

const CredentialPattern *CredentialPatterns::find(llvm::StringRef Id) const {
  for (const CredentialPattern &P : Patterns)
    if (P.Id == Id)
      return &P;
  return nullptr;
}

std::vector<std::string>
CredentialPatterns::match(llvm::StringRef Literal) const {
  std::vector<std::string> Out;
  for (const CredentialPattern &P : Patterns) {
    if (P.Disabled || !P.Compiled)
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Groups;
    if (!P.Compiled->match(Literal, &Groups) || Groups.empty())
      continue;
    if (P.MaxRun && longestRun(Groups[0]) > P.MaxRun)
      continue;
    if (!llvm::all_of(P.CompiledRequires,
                      [&](const auto &R) { return R->match(Literal); }) ||
        llvm::any_of(P.CompiledExcludes,
                     [&](const auto &R) { return R->match(Literal); }))
      continue;
    Out.push_back(P.Id);
  }
  return Out;
}

std::string CredentialPatterns::fingerprint() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const CredentialPattern &P : Patterns) {
    OS << P.Id << '\0' << P.Regex << '\0' << P.MaxRun << P.Disabled << '\0'
       << P.NextTo;
    for (const std::string &R : P.Requires)
      OS << "\0+" << R;
    for (const std::string &R : P.Excludes)
      OS << "\0-" << R;
    OS << '\n';
  }
  return S;
}

llvm::Error mergeCredentialPatterns(CredentialPatterns &Into,
                                    llvm::StringRef Text,
                                    llvm::StringRef Name) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded())
    return catalogError(Name, "not valid JSON");
  if (!Doc.is_object())
    return catalogError(Name, "top level must be an object with \"patterns\"");
  if (auto Ver = Doc.find("version");
      Ver != Doc.end() && (!Ver->is_number_unsigned() || *Ver != 1))
    return catalogError(Name, "unsupported \"version\" (expected 1)");
  auto List = Doc.find("patterns");
  if (List == Doc.end() || !List->is_array())
    return catalogError(Name, "missing array \"patterns\"");
  for (size_t I = 0; I < List->size(); ++I) {
    const json &J = (*List)[I];
    if (!J.is_object() || !J.contains("id") || !J["id"].is_string() ||
        J["id"].get<std::string>().empty())
      return catalogError(Name, "pattern " + std::to_string(I) +
                                    ": missing string \"id\"");
    std::string Id = J["id"].get<std::string>();
    auto Pos =
        llvm::lower_bound(Into.Patterns, Id,
                          [](const CredentialPattern &P,
                             const std::string &Id) { return P.Id < Id; });
    bool Overrides = Pos != Into.Patterns.end() && Pos->Id == Id;
    CredentialPattern P = Overrides ? *Pos : CredentialPattern();
    P.Id = Id;
    if (auto E = readPattern(J, I, P, Name))
      return E;
    if (Overrides)
      *Pos = std::move(P);
    else
      Into.Patterns.insert(Pos, std::move(P));
  }
  for (const CredentialPattern &P : Into.Patterns)
    if (!P.NextTo.empty() && !Into.find(P.NextTo))
      return catalogError(Name, "pattern '" + P.Id +
                                    "': \"next-to\" names no pattern "
                                    "'" +
                                    P.NextTo + "'");
  return llvm::Error::success();
}

llvm::Expected<CredentialPatterns>
loadCredentialPatterns(llvm::ArrayRef<std::string> Paths) {
  return loadCatalogFiles<CredentialPatterns>(Paths, mergeCredentialPatterns);
}

} // namespace brisk
