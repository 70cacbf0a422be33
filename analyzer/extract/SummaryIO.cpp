//===- SummaryIO.cpp - Summaries to and from JSON -------------------------===//

#include "extract/SummaryIO.h"

#include <nlohmann/json.hpp>

#include <limits>

using nlohmann::json;

namespace brisk {

namespace {

constexpr int FormatVersion = 4;

json toJSON(const SourceLoc &L) {
  return json::array({L.File, L.Line, L.Column});
}

json toJSON(const ValueOrigin &O) {
  return json::array({O.Constant, O.ParamMask, O.Other});
}

json toJSON(const std::vector<ValueOrigin> &Os) {
  json A = json::array();
  for (const ValueOrigin &O : Os)
    A.push_back(toJSON(O));
  return A;
}

/// A reference that names nothing is 0; the others are arrays.
json toJSON(const StateRef &R) {
  if (R.Root == RefRoot::None)
    return 0;
  return json::array(
      {int(R.Root), R.USR, R.Name, R.Owner, R.Index, R.Path, R.ThreadLocal});
}

json toJSON(const StringFacts &F) {
  return json::array(
      {F.Prefix, F.Complete, F.Listing, F.PrefixCall, F.Names, F.Sources});
}

// Declared before listToJSON so that its instantiations find them all.
json toJSON(const CallSite &C);
json toJSON(const CatalogMatch &M);
json toJSON(const StateWrite &W);
json toJSON(const FunctionSummary &F);
json toJSON(const HandlerRegistration &H);
json toJSON(const ValueFlow &F);
json toJSON(const PatternLiteral &L);

template <typename T> json listToJSON(const std::vector<T> &Items) {
  json A = json::array();
  for (const T &I : Items)
    A.push_back(toJSON(I));
  return A;
}

json toJSON(const CallSite &C) {
  json J = {{"usr", C.CalleeUSR},        {"name", C.CalleeName},
            {"kind", int(C.Kind)},       {"loc", toJSON(C.Loc)},
            {"once", int(C.Once)},       {"args", toJSON(C.Args)},
            {"object", toJSON(C.Object)}};
  // Most calls pass nothing writable and nothing worth spelling: the
  // optional fields are left out, which keeps cached summaries small.
  if (!C.ArgRefs.empty())
    J["argRefs"] = listToJSON(C.ArgRefs);
  if (C.ObjectRef.Root != RefRoot::None)
    J["objectRef"] = toJSON(C.ObjectRef);
  if (!C.ArgTexts.empty())
    J["argTexts"] = C.ArgTexts;
  if (!C.ArgPrefixes.empty())
    J["argPrefixes"] = C.ArgPrefixes;
  if (!C.ArgPrefixCalls.empty())
    J["argPrefixCalls"] = C.ArgPrefixCalls;
  if (!C.ValueSlots.empty())
    J["slots"] = C.ValueSlots;
  if (C.Locked)
    J["locked"] = true;
  return J;
}

json toJSON(const CatalogMatch &M) {
  json J = {{"entry", M.EntryId},
            {"category", M.Category},
            {"what", M.What},
            {"loc", toJSON(M.Loc)},
            {"once", int(M.Once)},
            {"args", toJSON(M.Args)},
            {"condition", M.Condition},
            {"argIndexes", M.ArgIndexes},
            {"strings", listToJSON(M.ArgStrings)}};
  if (M.InForkedChild)
    J["forkedChild"] = true;
  if (!M.FixText.empty())
    J["fix"] = {{"text", M.FixText},
                {"loc", toJSON(M.FixLoc)},
                {"requires", toJSON(M.FixRequires)}};
  return J;
}

json toJSON(const StateWrite &W) {
  return {{"target", toJSON(W.Target)},   {"kind", int(W.Kind)},
          {"loc", toJSON(W.Loc)},         {"once", int(W.Once)},
          {"value", toJSON(W.Value)},     {"keyed", W.Keyed},
          {"key", toJSON(W.Key)},         {"constant", W.ConstantValue},
          {"constantKey", W.ConstantKey}, {"locked", W.Locked},
          {"atomic", W.Atomic},           {"resets", W.Resets},
          {"via", W.ViaFunction},         {"viaLoc", toJSON(W.ViaLoc)}};
}

json toJSON(const ValueFlow &F) { return json::array({F.To, F.From}); }

json toJSON(const PatternLiteral &L) {
  return {{"pattern", L.PatternId}, {"loc", toJSON(L.Loc)}, {"group", L.Group}};
}

json toJSON(const FunctionSummary &F) {
  return {{"usr", F.USR},
          {"name", F.QualifiedName},
          {"loc", toJSON(F.Loc)},
          {"main", F.IsMain},
          {"annotated", F.IsAnnotatedHandler},
          {"lambda", F.IsLambda},
          {"overrides", F.Overrides},
          {"calls", listToJSON(F.Calls)},
          {"matches", listToJSON(F.Matches)},
          {"writes", listToJSON(F.Writes)},
          {"returnRef", toJSON(F.ReturnRef)},
          {"returnString", toJSON(F.ReturnString)}};
}

json toJSON(const HandlerRegistration &H) {
  return {{"usr", H.HandlerUSR},
          {"name", H.DisplayName},
          {"kind", int(H.Kind)},
          {"loc", toJSON(H.Loc)}};
}

/// A JSON number that fits an unsigned without wrapping.
bool isUnsigned(const json &V) {
  return V.is_number_unsigned() &&
         V.get<uint64_t>() <= std::numeric_limits<unsigned>::max();
}

/// Reads fields with type checks; the first failure is kept and reported.
class Reader {
public:
  explicit Reader(llvm::StringRef Name) : Name(Name) {}

  const json *field(const json &Obj, const char *Key) {
    if (!Obj.is_object()) {
      fail(std::string("expected an object holding \"") + Key + "\"");
      return nullptr;
    }
    auto It = Obj.find(Key);
    if (It == Obj.end()) {
      fail(std::string("missing \"") + Key + "\"");
      return nullptr;
    }
    return &*It;
  }

  void read(const json &Obj, const char *Key, std::string &Out) {
    if (const json *V = field(Obj, Key)) {
      if (V->is_string())
        Out = V->get<std::string>();
      else
        fail(std::string("\"") + Key + "\" must be a string");
    }
  }
  void read(const json &Obj, const char *Key, bool &Out) {
    if (const json *V = field(Obj, Key)) {
      if (V->is_boolean())
        Out = V->get<bool>();
      else
        fail(std::string("\"") + Key + "\" must be a boolean");
    }
  }
  void read(const json &Obj, const char *Key, unsigned &Out) {
    if (const json *V = field(Obj, Key)) {
      if (isUnsigned(*V))
        Out = V->get<unsigned>();
      else
        fail(std::string("\"") + Key + "\" must be a count");
    }
  }
  template <typename Enum>
  void readEnum(const json &Obj, const char *Key, Enum &Out, unsigned Max) {
    // Compared as unsigned: a huge number must not wrap into range.
    if (const json *V = field(Obj, Key)) {
      if (isUnsigned(*V) && V->get<unsigned>() <= Max)
        Out = Enum(V->get<unsigned>());
      else
        fail(std::string("\"") + Key + "\" is out of range");
    }
  }
  void read(const json &Obj, const char *Key, SourceLoc &Out) {
    const json *V = field(Obj, Key);
    if (!V)
      return;
    if (!V->is_array() || V->size() != 3 || !(*V)[0].is_string() ||
        !isUnsigned((*V)[1]) || !isUnsigned((*V)[2])) {
      fail(std::string("\"") + Key + "\" must be [file, line, column]");
      return;
    }
    Out.File = (*V)[0].get<std::string>();
    Out.Line = (*V)[1].get<unsigned>();
    Out.Column = (*V)[2].get<unsigned>();
  }
  void read(const json &Obj, const char *Key, ValueOrigin &Out) {
    if (const json *V = field(Obj, Key))
      readOrigin(*V, Out);
  }
  void read(const json &Obj, const char *Key, std::vector<ValueOrigin> &Out) {
    const json *V = field(Obj, Key);
    if (!V)
      return;
    if (!V->is_array())
      return fail(std::string("\"") + Key + "\" must be an array");
    for (const json &O : *V) {
      ValueOrigin VO;
      if (!readOrigin(O, VO))
        return;
      Out.push_back(VO);
    }
  }
  void read(const json &Obj, const char *Key, StateRef &Out) {
    if (const json *V = field(Obj, Key))
      readRef(*V, Out);
  }
  bool readRef(const json &V, StateRef &Out) {
    if (V.is_number_unsigned() && V == 0) {
      Out = StateRef();
      return true;
    }
    if (!V.is_array() || V.size() != 7 || !isUnsigned(V[0]) ||
        V[0].get<unsigned>() > unsigned(RefRoot::LoopLocal) ||
        !V[1].is_string() || !V[2].is_string() || !V[3].is_string() ||
        !isUnsigned(V[4]) || !V[5].is_string() || !V[6].is_boolean()) {
      fail("a state reference must be 0 or [root, usr, name, owner, index, "
           "path, threadLocal]");
      return false;
    }
    Out.Root = RefRoot(V[0].get<unsigned>());
    Out.USR = V[1].get<std::string>();
    Out.Name = V[2].get<std::string>();
    Out.Owner = V[3].get<std::string>();
    Out.Index = V[4].get<unsigned>();
    Out.Path = V[5].get<std::string>();
    Out.ThreadLocal = V[6].get<bool>();
    return true;
  }
  /// Optional fields are read only when present.
  bool has(const json &Obj, const char *Key) const {
    return Obj.is_object() && Obj.contains(Key);
  }
  bool readOrigin(const json &O, ValueOrigin &Out) {
    if (!O.is_array() || O.size() != 3 || !O[0].is_boolean() ||
        !O[1].is_number_unsigned() || !O[2].is_boolean()) {
      fail("a value origin must be [constant, params, other]");
      return false;
    }
    Out.Constant = O[0].get<bool>();
    Out.ParamMask = O[1].get<uint64_t>();
    Out.Other = O[2].get<bool>();
    return true;
  }
  template <typename T>
  void readList(const json &Obj, const char *Key, std::vector<T> &Out) {
    const json *V = field(Obj, Key);
    if (!V)
      return;
    if (!V->is_array())
      return fail(std::string("\"") + Key + "\" must be an array");
    for (const json &E : *V) {
      if constexpr (std::is_same_v<T, std::string>) {
        if (!E.is_string())
          return fail(std::string("\"") + Key + "\" must hold strings");
        Out.push_back(E.get<std::string>());
      } else if constexpr (std::is_same_v<T, unsigned>) {
        if (!isUnsigned(E))
          return fail(std::string("\"") + Key + "\" must hold indexes");
        Out.push_back(E.get<unsigned>());
      } else if constexpr (std::is_same_v<T, StateRef>) {
        StateRef R;
        if (!readRef(E, R))
          return;
        Out.push_back(std::move(R));
      } else {
        Out.push_back(readOne<T>(E));
      }
      if (Failed)
        return;
    }
  }

  template <typename T> T readOne(const json &E);

  llvm::Error error() const {
    if (!Failed)
      return llvm::Error::success();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Name + ": " + Message);
  }
  void fail(const std::string &What) {
    if (!Failed)
      Message = What;
    Failed = true;
  }
  bool Failed = false;

private:
  std::string Name;
  std::string Message;
};

template <> CallSite Reader::readOne<CallSite>(const json &E) {
  CallSite C;
  read(E, "usr", C.CalleeUSR);
  read(E, "name", C.CalleeName);
  readEnum(E, "kind", C.Kind, unsigned(CallKind::Indirect));
  read(E, "loc", C.Loc);
  readEnum(E, "once", C.Once, unsigned(OnceKind::LazyInitMember));
  read(E, "args", C.Args);
  read(E, "object", C.Object);
  if (has(E, "argRefs"))
    readList(E, "argRefs", C.ArgRefs);
  if (has(E, "objectRef"))
    read(E, "objectRef", C.ObjectRef);
  if (has(E, "argTexts"))
    readList(E, "argTexts", C.ArgTexts);
  if (has(E, "argPrefixes"))
    readList(E, "argPrefixes", C.ArgPrefixes);
  if (has(E, "argPrefixCalls"))
    readList(E, "argPrefixCalls", C.ArgPrefixCalls);
  if (has(E, "slots"))
    readList(E, "slots", C.ValueSlots);
  if (has(E, "locked"))
    read(E, "locked", C.Locked);
  return C;
}

template <> StringFacts Reader::readOne<StringFacts>(const json &E) {
  StringFacts F;
  if (!E.is_array() || E.size() != 6 || !E[0].is_string() ||
      !E[1].is_boolean() || !E[2].is_boolean() || !E[3].is_string() ||
      !E[4].is_array() || !E[5].is_array()) {
    fail("string facts must be [prefix, complete, listing, prefixCall, "
         "names, sources]");
    return F;
  }
  F.Prefix = E[0].get<std::string>();
  F.Complete = E[1].get<bool>();
  F.Listing = E[2].get<bool>();
  F.PrefixCall = E[3].get<std::string>();
  for (auto [List, Out] : {std::pair{&E[4], &F.Names}, {&E[5], &F.Sources}})
    for (const json &S : *List) {
      if (!S.is_string()) {
        fail("string facts must hold strings");
        return F;
      }
      Out->push_back(S.get<std::string>());
    }
  return F;
}

template <> StateWrite Reader::readOne<StateWrite>(const json &E) {
  StateWrite W;
  read(E, "target", W.Target);
  readEnum(E, "kind", W.Kind, unsigned(WriteKind::Mutate));
  read(E, "loc", W.Loc);
  readEnum(E, "once", W.Once, unsigned(OnceKind::LazyInitMember));
  read(E, "value", W.Value);
  read(E, "keyed", W.Keyed);
  read(E, "key", W.Key);
  read(E, "constant", W.ConstantValue);
  read(E, "constantKey", W.ConstantKey);
  read(E, "locked", W.Locked);
  read(E, "atomic", W.Atomic);
  read(E, "resets", W.Resets);
  read(E, "via", W.ViaFunction);
  read(E, "viaLoc", W.ViaLoc);
  return W;
}

template <> ValueFlow Reader::readOne<ValueFlow>(const json &E) {
  ValueFlow F;
  if (!E.is_array() || E.size() != 2 || !E[0].is_string() ||
      !E[1].is_string()) {
    fail("a value flow must be [to, from]");
    return F;
  }
  F.To = E[0].get<std::string>();
  F.From = E[1].get<std::string>();
  return F;
}

template <> PatternLiteral Reader::readOne<PatternLiteral>(const json &E) {
  PatternLiteral L;
  read(E, "pattern", L.PatternId);
  read(E, "loc", L.Loc);
  read(E, "group", L.Group);
  return L;
}

template <> CatalogMatch Reader::readOne<CatalogMatch>(const json &E) {
  CatalogMatch M;
  read(E, "entry", M.EntryId);
  read(E, "category", M.Category);
  read(E, "what", M.What);
  read(E, "loc", M.Loc);
  readEnum(E, "once", M.Once, unsigned(OnceKind::LazyInitMember));
  read(E, "args", M.Args);
  read(E, "condition", M.Condition);
  readList(E, "argIndexes", M.ArgIndexes);
  readList(E, "strings", M.ArgStrings);
  if (has(E, "forkedChild"))
    read(E, "forkedChild", M.InForkedChild);
  if (has(E, "fix")) {
    const json &Fix = E["fix"];
    read(Fix, "text", M.FixText);
    read(Fix, "loc", M.FixLoc);
    read(Fix, "requires", M.FixRequires);
  }
  return M;
}

template <> FunctionSummary Reader::readOne<FunctionSummary>(const json &E) {
  FunctionSummary F;
  read(E, "usr", F.USR);
  read(E, "name", F.QualifiedName);
  read(E, "loc", F.Loc);
  read(E, "main", F.IsMain);
  read(E, "annotated", F.IsAnnotatedHandler);
  read(E, "lambda", F.IsLambda);
  readList(E, "overrides", F.Overrides);
  readList(E, "calls", F.Calls);
  readList(E, "matches", F.Matches);
  readList(E, "writes", F.Writes);
  read(E, "returnRef", F.ReturnRef);
  if (const json *S = field(E, "returnString"))
    F.ReturnString = readOne<StringFacts>(*S);
  return F;
}

template <>
HandlerRegistration Reader::readOne<HandlerRegistration>(const json &E) {
  HandlerRegistration H;
  read(E, "usr", H.HandlerUSR);
  read(E, "name", H.DisplayName);
  readEnum(E, "kind", H.Kind, unsigned(HandlerKind::PollingLoop));
  read(E, "loc", H.Loc);
  return H;
}

} // namespace

std::string summaryToJSON(const TUSummary &S) {
  json Doc = {{"version", FormatVersion},
              {"mainFile", S.MainFile},
              {"hadErrors", S.HadErrors},
              {"errorCount", S.ErrorCount},
              {"functions", listToJSON(S.Functions)},
              {"handlers", listToJSON(S.Handlers)},
              {"flows", listToJSON(S.Flows)},
              {"literals", listToJSON(S.Literals)}};
  // Invalid UTF-8 in a path or name must not abort the dump.
  return Doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

llvm::Expected<TUSummary> summaryFromJSON(llvm::StringRef Text,
                                          llvm::StringRef Name) {
  json Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Doc.is_discarded())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Name + ": not valid JSON");
  Reader R(Name);
  TUSummary S;
  if (const json *V = R.field(Doc, "version");
      V && (!V->is_number_integer() || *V != FormatVersion))
    R.fail("unsupported summary version");
  R.read(Doc, "mainFile", S.MainFile);
  R.read(Doc, "hadErrors", S.HadErrors);
  R.read(Doc, "errorCount", S.ErrorCount);
  R.readList(Doc, "functions", S.Functions);
  R.readList(Doc, "handlers", S.Handlers);
  R.readList(Doc, "flows", S.Flows);
  R.readList(Doc, "literals", S.Literals);
  if (auto E = R.error())
    return E;
  return S;
}

} // namespace brisk
