//===- StateCatalog.cpp - Load and merge the state catalogue --------------===//

#include "catalog/StateCatalog.h"

#include "catalog/CatalogJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace brisk {

namespace {

/// Appends the strings of Doc[Key] (an array of strings) to Out.
llvm::Error appendStrings(const json &Doc, const char *Key,
                          std::vector<std::string> &Out, llvm::StringRef File) {
  auto It = Doc.find(Key);
  if (It == Doc.end())
    return llvm::Error::success();
  if (!It->is_array())
    return catalogError(File, llvm::Twine("\"") + Key +
                                  "\" must be an array of qualified names");
  for (const json &S : *It) {
    if (!S.is_string() || S.get<std::string>().empty())
      return catalogError(File, llvm::Twine("\"") + Key +
                                    "\" must be an array of qualified names");
    std::string Name = llvm::StringRef(S.get<std::string>()).ltrim(':').str();
    if (!llvm::is_contained(Out, Name))
      Out.push_back(std::move(Name));
  }
  return llvm::Error::success();
}

llvm::Error readClassGroup(const json &G, size_t Index, StateCatalog &Into,
                           llvm::StringRef File) {
  std::string Where = "classes[" + std::to_string(Index) + "]";
  if (!G.is_object())
    return catalogError(File, Where + ": must be an object");
  std::vector<std::string> Names;
  if (auto E = appendStrings(G, "names", Names, File))
    return E;
  if (Names.empty())
    return catalogError(File, Where + ": needs \"names\"");
  std::optional<bool> Keyed, Atomic;
  for (auto [Key, Flag] :
       {std::pair<const char *, std::optional<bool> *>{"keyed", &Keyed},
        {"atomic", &Atomic}}) {
    auto It = G.find(Key);
    if (It == G.end())
      continue;
    if (!It->is_boolean())
      return catalogError(File,
                          Where + ": \"" + Key + "\" must be true or false");
    *Flag = It->get<bool>();
  }
  std::map<std::string, MethodWrite> Methods;
  if (auto It = G.find("methods"); It != G.end()) {
    if (!It->is_object())
      return catalogError(File, Where +
                                    ": \"methods\" must map method names to "
                                    "kinds");
    for (auto M = It->begin(); M != It->end(); ++M) {
      std::optional<MethodWrite> K =
          M->is_string() ? parseMethodWrite(M->get<std::string>())
                         : std::nullopt;
      if (!K)
        return catalogError(File,
                            Where + ": method '" + M.key() +
                                "' must be one of assign, increment, insert, "
                                "remove, clear, mutate");
      Methods[M.key()] = *K;
    }
  }
  for (const std::string &Name : Names) {
    StateClass &C = Into.Classes[Name];
    if (Keyed)
      C.Keyed = *Keyed;
    if (Atomic)
      C.Atomic = *Atomic;
    for (const auto &[Method, Write] : Methods)
      C.Methods[Method] = Write;
  }
  return llvm::Error::success();
}

llvm::Error readWriter(const json &W, size_t Index, StateCatalog &Into,
                       llvm::StringRef File) {
  std::string Where = "writer-functions[" + std::to_string(Index) + "]";
  if (!W.is_object() || !W.contains("function") || !W["function"].is_string())
    return catalogError(File, Where + ": needs a string \"function\"");
  WriterFunction F;
  if (auto It = W.find("arg"); It != W.end()) {
    if (!It->is_number_unsigned())
      return catalogError(File, Where + ": \"arg\" must be an argument index");
    F.Arg = It->get<unsigned>();
  }
  if (auto It = W.find("kind"); It != W.end()) {
    std::optional<MethodWrite> K =
        It->is_string() ? parseMethodWrite(It->get<std::string>())
                        : std::nullopt;
    if (!K)
      return catalogError(
          File, Where + ": \"kind\" must be one of assign, increment, "
                        "insert, remove, clear, mutate");
    F.Kind = K->Kind;
  }
  if (auto It = W.find("value-args"); It != W.end()) {
    if (!It->is_array())
      return catalogError(
          File, Where + ": \"value-args\" must be an array of indexes");
    for (const json &A : *It) {
      if (!A.is_number_unsigned())
        return catalogError(
            File, Where + ": \"value-args\" must be an array of indexes");
      F.ValueArgs.push_back(A.get<unsigned>());
    }
  }
  Into.Writers
      [llvm::StringRef(W["function"].get<std::string>()).ltrim(':').str()] =
      std::move(F);
  return llvm::Error::success();
}

} // namespace

llvm::StringRef writeKindName(WriteKind K) {
  switch (K) {
  case WriteKind::Assign:
    return "assign";
  case WriteKind::Increment:
    return "increment";
  case WriteKind::Insert:
    return "insert";
  case WriteKind::Remove:
    return "remove";
  case WriteKind::Mutate:
    return "mutate";
  }
  return "mutate";
}

std::optional<MethodWrite> parseMethodWrite(llvm::StringRef Name) {
  using W = MethodWrite;
  return llvm::StringSwitch<std::optional<W>>(Name)
      .Case("assign", W{WriteKind::Assign, false})
      .Case("increment", W{WriteKind::Increment, false})
      .Case("insert", W{WriteKind::Insert, false})
      .Case("remove", W{WriteKind::Remove, false})
      .Case("clear", W{WriteKind::Remove, true})
      .Case("mutate", W{WriteKind::Mutate, false})
      .Default(std::nullopt);
}

const StateClass *StateCatalog::findClass(llvm::StringRef Name) const {
  auto It = Classes.find(Name.str());
  return It == Classes.end() ? nullptr : &It->second;
}

const WriterFunction *StateCatalog::findWriter(llvm::StringRef Name) const {
  auto It = Writers.find(Name.str());
  return It == Writers.end() ? nullptr : &It->second;
}

bool StateCatalog::isLockGuard(llvm::StringRef Name) const {
  return llvm::is_contained(LockGuards, Name);
}

bool StateCatalog::isMutex(llvm::StringRef Name) const {
  return llvm::is_contained(Mutexes, Name);
}

std::string StateCatalog::fingerprint() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const auto &[Name, C] : Classes) {
    OS << Name << ':' << C.Keyed << C.Atomic;
    for (const auto &[M, K] : C.Methods)
      OS << ',' << M << '=' << int(K.Kind) << K.Clears;
    OS << '\n';
  }
  for (const auto *List :
       {&LockGuards, &Mutexes, &LockMethods, &UnlockMethods}) {
    for (const std::string &N : *List)
      OS << N << ',';
    OS << '\n';
  }
  for (const LockFunction &L : LockFunctions)
    OS << L.Lock << '/' << L.Unlock << ',';
  for (const auto &[Name, W] : Writers) {
    OS << '\n' << Name << ':' << W.Arg << ':' << int(W.Kind);
    for (unsigned A : W.ValueArgs)
      OS << ',' << A;
  }
  return S;
}

llvm::Error mergeStateCatalog(StateCatalog &Into, llvm::StringRef Text,
                              llvm::StringRef Name) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded())
    return catalogError(Name, "not valid JSON");
  if (!Doc.is_object())
    return catalogError(Name, "top level must be an object");
  static const char *const Known[] = {
      "version",      "classes",        "lock-guards",    "mutexes",
      "lock-methods", "unlock-methods", "lock-functions", "writer-functions"};
  for (auto It = Doc.begin(); It != Doc.end(); ++It)
    if (!llvm::is_contained(Known, It.key()))
      return catalogError(Name, "unknown key \"" + It.key() + "\"");
  if (auto Ver = Doc.find("version");
      Ver != Doc.end() && (!Ver->is_number_unsigned() || *Ver != 1))
    return catalogError(Name, "unsupported \"version\" (expected 1)");
  if (auto It = Doc.find("classes"); It != Doc.end()) {
    if (!It->is_array())
      return catalogError(Name, "\"classes\" must be an array");
    for (size_t I = 0; I < It->size(); ++I)
      if (auto E = readClassGroup((*It)[I], I, Into, Name))
        return E;
  }
  if (auto E = appendStrings(Doc, "lock-guards", Into.LockGuards, Name))
    return E;
  if (auto E = appendStrings(Doc, "mutexes", Into.Mutexes, Name))
    return E;
  if (auto E = appendStrings(Doc, "lock-methods", Into.LockMethods, Name))
    return E;
  if (auto E = appendStrings(Doc, "unlock-methods", Into.UnlockMethods, Name))
    return E;
  if (auto It = Doc.find("lock-functions"); It != Doc.end()) {
    if (!It->is_array())
      return catalogError(Name, "\"lock-functions\" must be an array");
    for (const json &L : *It) {
      if (!L.is_object() || !L.contains("lock") || !L["lock"].is_string() ||
          !L.contains("unlock") || !L["unlock"].is_string())
        return catalogError(Name,
                            "each of \"lock-functions\" needs string \"lock\" "
                            "and \"unlock\"");
      Into.LockFunctions.push_back(
          {L["lock"].get<std::string>(), L["unlock"].get<std::string>()});
    }
  }
  if (auto It = Doc.find("writer-functions"); It != Doc.end()) {
    if (!It->is_array())
      return catalogError(Name, "\"writer-functions\" must be an array");
    for (size_t I = 0; I < It->size(); ++I)
      if (auto E = readWriter((*It)[I], I, Into, Name))
        return E;
  }
  return llvm::Error::success();
}

llvm::Expected<StateCatalog>
loadStateCatalog(llvm::ArrayRef<std::string> Paths) {
  return loadCatalogFiles<StateCatalog>(Paths, mergeStateCatalog);
}

} // namespace brisk
