//===- SummaryIO.cpp - Summaries to and from JSON -------------------------===//

#include "extract/SummaryIO.h"

#include <nlohmann/json.hpp>

#include <limits>

using nlohmann::json;

namespace brisk {

namespace {

constexpr int FormatVersion = 3;

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

json toJSON(const CallSite &C) {
  return {{"usr", C.CalleeUSR},        {"name", C.CalleeName},
          {"kind", int(C.Kind)},       {"loc", toJSON(C.Loc)},
          {"once", int(C.Once)},       {"args", toJSON(C.Args)},
          {"object", toJSON(C.Object)}};
}

json toJSON(const CatalogMatch &M) {
  return {{"entry", M.EntryId},       {"category", M.Category},
          {"what", M.What},           {"loc", toJSON(M.Loc)},
          {"once", int(M.Once)},      {"args", toJSON(M.Args)},
          {"condition", M.Condition}, {"argIndexes", M.ArgIndexes}};
}

json toJSON(const FunctionSummary &F) {
  json Calls = json::array(), Matches = json::array();
  for (const CallSite &C : F.Calls)
    Calls.push_back(toJSON(C));
  for (const CatalogMatch &M : F.Matches)
    Matches.push_back(toJSON(M));
  return {{"usr", F.USR},
          {"name", F.QualifiedName},
          {"loc", toJSON(F.Loc)},
          {"main", F.IsMain},
          {"annotated", F.IsAnnotatedHandler},
          {"lambda", F.IsLambda},
          {"overrides", F.Overrides},
          {"calls", std::move(Calls)},
          {"matches", std::move(Matches)}};
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
  readEnum(E, "kind", C.Kind, unsigned(CallKind::Callable));
  read(E, "loc", C.Loc);
  readEnum(E, "once", C.Once, unsigned(OnceKind::LazyInitGuard));
  read(E, "args", C.Args);
  read(E, "object", C.Object);
  return C;
}

template <> CatalogMatch Reader::readOne<CatalogMatch>(const json &E) {
  CatalogMatch M;
  read(E, "entry", M.EntryId);
  read(E, "category", M.Category);
  read(E, "what", M.What);
  read(E, "loc", M.Loc);
  readEnum(E, "once", M.Once, unsigned(OnceKind::LazyInitGuard));
  read(E, "args", M.Args);
  read(E, "condition", M.Condition);
  readList(E, "argIndexes", M.ArgIndexes);
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
  json Functions = json::array(), Handlers = json::array();
  for (const FunctionSummary &F : S.Functions)
    Functions.push_back(toJSON(F));
  for (const HandlerRegistration &H : S.Handlers)
    Handlers.push_back(toJSON(H));
  json Doc = {
      {"version", FormatVersion},          {"mainFile", S.MainFile},
      {"hadErrors", S.HadErrors},          {"errorCount", S.ErrorCount},
      {"functions", std::move(Functions)}, {"handlers", std::move(Handlers)}};
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
  if (auto E = R.error())
    return E;
  return S;
}

} // namespace brisk
