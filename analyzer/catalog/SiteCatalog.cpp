//===- SiteCatalog.cpp - Load and merge site catalogues -------------------===//
//
// JSON is read with nlohmann/json's non-throwing API: every field is checked
// for presence and type before it is read, and the first problem is reported
// with the file name and the entry it sits in.
//
//===----------------------------------------------------------------------===//

#include "catalog/SiteCatalog.h"

#include "catalog/CatalogJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using nlohmann::json;

namespace brisk {

namespace {

llvm::Error readUnsigned(const json &V, unsigned &Out, llvm::StringRef Where,
                         llvm::StringRef File) {
  if (!V.is_number_unsigned() || V.get<uint64_t>() > 64)
    return catalogError(File,
                        Where + ": argument index must be an integer 0..64");
  Out = V.get<unsigned>();
  return llvm::Error::success();
}

llvm::Error readConstraint(const json &C, ArgConstraint &Out,
                           llvm::StringRef Where, llvm::StringRef File) {
  if (!C.is_object() || !C.contains("arg"))
    return catalogError(File,
                        Where + ": each constraint needs an \"arg\" index");
  if (auto E = readUnsigned(C["arg"], Out.Arg, Where, File))
    return E;
  if (auto E = readStringArray(C, "prefix-any-of", Out.PrefixAnyOf, Where,
                               "strings", File))
    return E;
  if (auto E = readStringArray(C, "prefix-none-of", Out.PrefixNoneOf, Where,
                               "strings", File))
    return E;
  for (auto [Key, Field] : {std::pair<const char *, uint64_t *>{
                                "int-bits-none-of", &Out.IntBitsNoneOf},
                            {"int-mask", &Out.IntMask},
                            {"int-equals", &Out.IntEquals}}) {
    auto It = C.find(Key);
    if (It == C.end())
      continue;
    if (!It->is_number_unsigned())
      return catalogError(File, Where + ": \"" + Key +
                                    "\" must be a non-negative integer");
    *Field = It->get<uint64_t>();
  }
  return llvm::Error::success();
}

/// Reads one entry. When Base is set (an entry with the same id loaded
/// earlier), fields absent here keep Base's values so a user file can change
/// one field, e.g. disable an entry or widen its hint.
llvm::Expected<SiteCatalogEntry> readEntry(const json &J, size_t Index,
                                           const SiteCatalogEntry *Base,
                                           llvm::StringRef File) {
  std::string Where = "entry " + std::to_string(Index);
  if (!J.is_object())
    return catalogError(File, Where + ": must be an object");
  auto Id = J.find("id");
  if (Id == J.end() || !Id->is_string() || Id->get<std::string>().empty())
    return catalogError(File, Where + ": missing string \"id\"");
  SiteCatalogEntry E = Base ? *Base : SiteCatalogEntry();
  E.Id = Id->get<std::string>();
  Where = "entry '" + E.Id + "'";

  auto readString = [&](const char *Key, std::string &Out) -> llvm::Error {
    auto It = J.find(Key);
    if (It == J.end())
      return llvm::Error::success();
    if (!It->is_string())
      return catalogError(File, Where + ": \"" + Key + "\" must be a string");
    Out = It->get<std::string>();
    return llvm::Error::success();
  };
  if (auto Err = readString("rule", E.Rule))
    return Err;
  if (auto Err = readString("category", E.Category))
    return Err;
  if (auto Err = readString("message", E.Message))
    return Err;
  if (auto Err = readString("hint", E.Hint))
    return Err;
  if (auto It = J.find("disabled"); It != J.end()) {
    if (!It->is_boolean())
      return catalogError(File, Where + ": \"disabled\" must be true or false");
    E.Disabled = It->get<bool>();
  }

  if (auto It = J.find("match"); It != J.end()) {
    if (!It->is_object() || It->size() != 1)
      return catalogError(File,
                          Where + ": \"match\" must be an object with exactly "
                                  "one of \"function\", \"class\", "
                                  "\"derived-from\"");
    static const std::pair<const char *, MatchKind> Kinds[] = {
        {"function", MatchKind::Function},
        {"class", MatchKind::Class},
        {"derived-from", MatchKind::DerivedFrom}};
    bool Found = false;
    for (auto [Key, Kind] : Kinds) {
      auto M = It->find(Key);
      if (M == It->end())
        continue;
      if (!M->is_string() || M->get<std::string>().empty())
        return catalogError(File, Where + ": \"match." + Key +
                                      "\" must be a non-empty qualified name");
      E.Match = Kind;
      E.Name = llvm::StringRef(M->get<std::string>()).ltrim(':').str();
      Found = true;
    }
    if (!Found)
      return catalogError(File, Where + ": \"match\" must use \"function\", "
                                        "\"class\" or \"derived-from\"");
  }
  if (auto It = J.find("kind"); It != J.end()) {
    if (It->is_string() && *It == "construct")
      E.Kind = SiteKind::Construct;
    else if (It->is_string() && *It == "call")
      E.Kind = SiteKind::Call;
    else
      return catalogError(
          File, Where + ": \"kind\" must be \"construct\" or \"call\"");
  }
  if (auto Err =
          readStringArray(J, "methods", E.Methods, Where, "strings", File))
    return Err;
  if (auto It = J.find("fix"); It != J.end()) {
    if (It->is_string() && *It == "static-local")
      E.Fix = SiteCatalogEntry::StaticFix::Any;
    else if (It->is_string() && *It == "static-const-local")
      E.Fix = SiteCatalogEntry::StaticFix::Const;
    else if (It->is_string() && *It == "none")
      E.Fix = SiteCatalogEntry::StaticFix::None;
    else
      return catalogError(File, Where + ": \"fix\" must be \"static-local\", "
                                        "\"static-const-local\" or \"none\"");
  }
  if (auto It = J.find("result"); It != J.end()) {
    if (It->is_string() && *It == "discarded")
      E.ResultDiscarded = true;
    else if (It->is_string() && *It == "any")
      E.ResultDiscarded = false;
    else
      return catalogError(
          File, Where + ": \"result\" must be \"discarded\" or \"any\"");
  }
  if (auto It = J.find("hoistable"); It != J.end()) {
    if (It->is_string() && *It == "always")
      E.Condition = HoistCondition::Always;
    else if (It->is_string() && *It == "request-independent")
      E.Condition = HoistCondition::RequestIndependent;
    else if (It->is_string() && *It == "constant-args")
      E.Condition = HoistCondition::ConstantArgs;
    else
      return catalogError(File, Where + ": \"hoistable\" must be \"always\", "
                                        "\"request-independent\" or "
                                        "\"constant-args\"");
  }
  if (auto It = J.find("args"); It != J.end()) {
    if (!It->is_array())
      return catalogError(File,
                          Where + ": \"args\" must be an array of indexes");
    E.Args.clear();
    for (const json &A : *It) {
      unsigned Arg = 0;
      if (auto Err = readUnsigned(A, Arg, Where, File))
        return Err;
      E.Args.push_back(Arg);
    }
  }
  if (auto It = J.find("constraints"); It != J.end()) {
    if (!It->is_array())
      return catalogError(File, Where + ": \"constraints\" must be an array");
    E.Constraints.clear();
    for (const json &C : *It) {
      ArgConstraint AC;
      if (auto Err = readConstraint(C, AC, Where, File))
        return Err;
      E.Constraints.push_back(std::move(AC));
    }
  }

  if (E.Name.empty())
    return catalogError(File, Where + ": missing \"match\"");
  if (E.Category.empty())
    return catalogError(File, Where + ": missing \"category\"");
  if (E.Rule.empty())
    return catalogError(File, Where + ": \"rule\" must name a rule");
  if (E.Match == MatchKind::Function && E.Kind == SiteKind::Construct)
    return catalogError(
        File, Where + ": a \"function\" match can only be a \"call\"");
  if (E.Match != MatchKind::Function && E.Kind == SiteKind::Call &&
      E.Methods.empty())
    return catalogError(File,
                        Where + ": a \"call\" on a class needs \"methods\"");
  return E;
}

} // namespace

const SiteCatalogEntry *SiteCatalog::find(llvm::StringRef Id) const {
  auto It = llvm::lower_bound(
      Entries, Id, [](const SiteCatalogEntry &E, llvm::StringRef Id) {
        return llvm::StringRef(E.Id) < Id;
      });
  return It != Entries.end() && It->Id == Id ? &*It : nullptr;
}

std::string SiteCatalog::fingerprint() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const SiteCatalogEntry &E : Entries) {
    OS << E.Id << '\0' << E.Rule << '\0' << E.Category << '\0' << int(E.Match)
       << E.Name << '\0' << int(E.Kind) << int(E.Condition) << E.Disabled
       << E.ResultDiscarded << int(E.Fix);
    for (const std::string &M : E.Methods)
      OS << M << ',';
    for (unsigned A : E.Args)
      OS << A << ',';
    for (const ArgConstraint &C : E.Constraints) {
      OS << C.Arg << ':' << C.IntBitsNoneOf << ':' << C.IntMask << ':'
         << C.IntEquals;
      for (const std::string &P : C.PrefixAnyOf)
        OS << '+' << P;
      for (const std::string &P : C.PrefixNoneOf)
        OS << '-' << P;
    }
    OS << '\n';
  }
  return S;
}

llvm::Error mergeSiteCatalog(SiteCatalog &Into, llvm::StringRef Text,
                             llvm::StringRef Name) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded())
    return catalogError(Name, "not valid JSON");
  if (!Doc.is_object())
    return catalogError(Name, "top level must be an object with \"entries\"");
  auto Ver = Doc.find("version");
  if (Ver != Doc.end() && (!Ver->is_number_unsigned() || *Ver != 1))
    return catalogError(Name, "unsupported \"version\" (expected 1)");
  auto List = Doc.find("entries");
  if (List == Doc.end() || !List->is_array())
    return catalogError(Name, "missing array \"entries\"");

  std::vector<std::string> Seen;
  for (size_t I = 0; I < List->size(); ++I) {
    const json &J = (*List)[I];
    std::string Id;
    if (J.is_object() && J.contains("id") && J["id"].is_string())
      Id = J["id"].get<std::string>();
    auto Pos = llvm::lower_bound(
        Into.Entries, Id, [](const SiteCatalogEntry &X, const std::string &Id) {
          return X.Id < Id;
        });
    bool Overrides = Pos != Into.Entries.end() && Pos->Id == Id;
    auto E = readEntry(J, I, Overrides ? &*Pos : nullptr, Name);
    if (!E)
      return E.takeError();
    if (llvm::is_contained(Seen, E->Id))
      return catalogError(Name, "entry '" + E->Id + "' appears twice");
    Seen.push_back(E->Id);
    if (Overrides)
      *Pos = std::move(*E);
    else
      Into.Entries.insert(Pos, std::move(*E));
  }
  return llvm::Error::success();
}

llvm::Expected<SiteCatalog> loadSiteCatalog(llvm::ArrayRef<std::string> Paths) {
  return loadCatalogFiles<SiteCatalog>(Paths, mergeSiteCatalog);
}

} // namespace brisk
