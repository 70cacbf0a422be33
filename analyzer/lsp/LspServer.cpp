//===- LspServer.cpp - brisk-check as a language server -------------------===//

#include "lsp/LspServer.h"

#include "driver/CheckRun.h"
#include "lsp/Diagnostics.h"
#include "lsp/Transport.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace brisk {

namespace {

using lsp::DiagnosticBuilder;
using lsp::PositionEncoding;
using lsp::writeMessage;

// JSON-RPC and LSP error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int ServerNotInitialized = -32002;

/// Member Key of object J, or nullptr: nlohmann's own accessors abort on a
/// missing key or a wrong type in a build without exceptions, and a client's
/// JSON must never do that.
const json *member(const json &J, const char *Key) {
  if (!J.is_object())
    return nullptr;
  auto It = J.find(Key);
  return It == J.end() ? nullptr : &*It;
}

std::optional<std::string> stringMember(const json &J, const char *Key) {
  const json *M = member(J, Key);
  if (!M || !M->is_string())
    return std::nullopt;
  return M->get<std::string>();
}

/// The nearest folder above File (or its build/ subfolder) that holds a
/// compile_commands.json, as clangd looks for one.
std::optional<std::string> findBuildDir(llvm::StringRef File) {
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, Sub, "compile_commands.json");
      if (llvm::sys::fs::exists(Candidate))
        return std::string(llvm::sys::path::parent_path(Candidate));
    }
  }
  return std::nullopt;
}

/// What a publication covers: a finding and the diagnostic sent for it.
struct Published {
  Finding F;
  json Diagnostic;
};

class Server {
public:
  Server(const CheckOptions &Base, std::FILE *Out) : Base(Base), Out(Out) {}

  /// Handles one message; returns an exit code once `exit` arrives.
  std::optional<int> handle(const std::string &Body);

private:
  void send(const json &Message) {
    writeMessage(Out,
                 Message.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  void reply(const json &Id, json Result) {
    send({{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
  }
  void replyError(const json &Id, int Code, const std::string &Message) {
    send({{"jsonrpc", "2.0"},
          {"id", Id},
          {"error", {{"code", Code}, {"message", Message}}}});
  }
  void notify(const char *Method, json Params) {
    send({{"jsonrpc", "2.0"},
          {"method", Method},
          {"params", std::move(Params)}});
  }
  void logMessage(int Type, const std::string &Message) {
    notify("window/logMessage", {{"type", Type}, {"message", Message}});
  }

  json initialize(const json &Params);
  void request(const std::string &Method, const json &Id, const json &Params);
  void notification(const std::string &Method, const json &Params);
  void check(const std::string &Path);
  json codeActions(const json &Params);

  const CheckOptions &Base;
  std::FILE *Out;
  bool Initialized = false;
  bool ShutdownRequested = false;
  PositionEncoding Encoding = PositionEncoding::UTF16;
  /// What was last published, by path; a path whose findings are gone gets
  /// an empty list once, then is forgotten.
  std::map<std::string, std::vector<Published>> Diagnostics;
};

json Server::initialize(const json &Params) {
  // UTF-8 positions are plain byte columns; take them when offered
  // (LSP 3.17), UTF-16 otherwise, as the protocol requires.
  if (const json *Caps = member(Params, "capabilities"))
    if (const json *General = member(*Caps, "general"))
      if (const json *Encodings = member(*General, "positionEncodings"))
        if (Encodings->is_array())
          for (const json &E : *Encodings)
            if (E.is_string() && E.get<std::string>() == "utf-8")
              Encoding = PositionEncoding::UTF8;
  return {
      {"capabilities",
       {{"positionEncoding",
         Encoding == PositionEncoding::UTF8 ? "utf-8" : "utf-16"},
        // Whole-program results depend on saved files only: no
        // didChange, the check runs on open and save.
        {"textDocumentSync",
         {{"openClose", true},
          {"change", 0},
          {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
      {"serverInfo", {{"name", "brisk-check"}, {"version", BRISK_VERSION}}}};
}

void Server::check(const std::string &Path) {
  CheckOptions O = Base;
  if (O.BuildPath.empty()) {
    std::optional<std::string> Dir = findBuildDir(Path);
    if (!Dir) {
      logMessage(2, "brisk-check: no compile_commands.json above '" + Path +
                        "'; start the server with -p BUILD_DIR");
      return;
    }
    O.BuildPath = *Dir;
  }
  // The log is not a terminal: the closing progress line would be noise.
  O.ShowProgress = false;
  std::vector<Finding> Findings;
  O.OnFindings = [&](std::vector<Finding> F) { Findings = std::move(F); };
  std::string Errors;
  llvm::raw_string_ostream ErrOS(Errors);
  CheckResult R = runCheck(O, llvm::nulls(), ErrOS);
  if (!Errors.empty())
    logMessage(R.ExitCode == 2 ? 1 : 3, Errors);
  if (R.ExitCode == 2)
    return; // could not run: keep what was published

  SourceFiles Sources;
  DiagnosticBuilder Builder(Sources, Encoding);
  std::map<std::string, std::vector<Published>> Now;
  for (Finding &F : Findings) {
    json D = Builder.diagnostic(F);
    Now[F.Loc.File].push_back({std::move(F), std::move(D)});
  }
  llvm::StringSet<> Paths;
  for (const auto &Entry : Diagnostics)
    Paths.insert(Entry.first);
  for (const auto &Entry : Now)
    Paths.insert(Entry.first);
  Paths.insert(Path);
  std::vector<std::string> Sorted;
  for (const auto &P : Paths)
    Sorted.push_back(P.getKey().str());
  llvm::sort(Sorted);
  for (const std::string &P : Sorted) {
    json List = json::array();
    if (auto It = Now.find(P); It != Now.end())
      for (const Published &Each : It->second)
        List.push_back(Each.Diagnostic);
    notify("textDocument/publishDiagnostics",
           {{"uri", lsp::pathToUri(P)}, {"diagnostics", std::move(List)}});
  }
  Diagnostics = std::move(Now);
}

/// Whether LSP ranges A and B (as sent) share a line.
bool linesOverlap(const json &A, const json &B) {
  auto Line = [](const json &R, const char *End) -> std::optional<int> {
    const json *P = member(R, End);
    const json *L = P ? member(*P, "line") : nullptr;
    if (!L || !L->is_number_integer())
      return std::nullopt;
    return L->get<int>();
  };
  auto AS = Line(A, "start"), AE = Line(A, "end"), BS = Line(B, "start"),
       BE = Line(B, "end");
  return AS && AE && BS && BE && *AS <= *BE && *BS <= *AE;
}

json Server::codeActions(const json &Params) {
  json Actions = json::array();
  const json *Doc = member(Params, "textDocument");
  std::optional<std::string> Uri =
      Doc ? stringMember(*Doc, "uri") : std::nullopt;
  std::optional<std::string> Path = Uri ? lsp::uriToPath(*Uri) : std::nullopt;
  const json *Range = member(Params, "range");
  if (!Path || !Range)
    return Actions;
  auto It = Diagnostics.find(*Path);
  if (It == Diagnostics.end())
    return Actions;
  SourceFiles Sources;
  DiagnosticBuilder Builder(Sources, Encoding);
  for (const Published &Each : It->second)
    if (linesOverlap(Each.Diagnostic["range"], *Range))
      if (std::optional<json> Action =
              Builder.codeAction(Each.F, Each.Diagnostic))
        Actions.push_back(std::move(*Action));
  return Actions;
}

void Server::request(const std::string &Method, const json &Id,
                     const json &Params) {
  if (Method == "initialize") {
    if (Initialized)
      return replyError(Id, InvalidRequest, "initialize was already sent");
    Initialized = true;
    return reply(Id, initialize(Params));
  }
  if (!Initialized)
    return replyError(Id, ServerNotInitialized,
                      "'" + Method + "' before initialize");
  if (ShutdownRequested)
    return replyError(Id, InvalidRequest, "'" + Method + "' after shutdown");
  if (Method == "shutdown") {
    ShutdownRequested = true;
    return reply(Id, nullptr);
  }
  if (Method == "textDocument/codeAction") {
    if (!Params.is_object())
      return replyError(Id, InvalidParams, "codeAction needs params");
    return reply(Id, codeActions(Params));
  }
  replyError(Id, MethodNotFound,
             "brisk-check does not handle '" + Method + "'");
}

void Server::notification(const std::string &Method, const json &Params) {
  if (!Initialized || ShutdownRequested)
    return; // the protocol drops these
  if (Method != "textDocument/didOpen" && Method != "textDocument/didSave" &&
      Method != "textDocument/didClose")
    return; // initialized, didChange, $/ notifications: nothing to do
  const json *Doc = member(Params, "textDocument");
  std::optional<std::string> Uri =
      Doc ? stringMember(*Doc, "uri") : std::nullopt;
  std::optional<std::string> Path = Uri ? lsp::uriToPath(*Uri) : std::nullopt;
  if (!Path)
    return logMessage(2, "brisk-check: ignoring '" + Method +
                             "' for a document that is not a local file");
  if (Method == "textDocument/didClose") {
    // The editor forgets the document; findings in it come back with the
    // next check of any file.
    if (Diagnostics.erase(*Path))
      notify("textDocument/publishDiagnostics",
             {{"uri", *Uri}, {"diagnostics", json::array()}});
    return;
  }
  check(*Path);
}

std::optional<int> Server::handle(const std::string &Body) {
  json Message = json::parse(Body, nullptr, /*allow_exceptions=*/false);
  if (Message.is_discarded() || !Message.is_object()) {
    replyError(nullptr, ParseError, "the message is not a JSON object");
    return std::nullopt;
  }
  std::optional<std::string> Method = stringMember(Message, "method");
  const json *Id = member(Message, "id");
  static const json NoParams = json::object();
  const json *Params = member(Message, "params");
  if (!Params)
    Params = &NoParams;
  if (!Method) {
    if (!Id) // a response to a request we never send
      replyError(nullptr, InvalidRequest, "a message needs a 'method'");
    return std::nullopt;
  }
  if (*Method == "exit")
    return ShutdownRequested ? 0 : 1;
  if (Id)
    request(*Method, *Id, *Params);
  else
    notification(*Method, *Params);
  return std::nullopt;
}

} // namespace

int runLspServer(const CheckOptions &Base, std::FILE *In, std::FILE *Out,
                 llvm::raw_ostream &Log) {
  Server S(Base, Out);
  while (true) {
    auto Body = lsp::readMessage(In);
    if (!Body) {
      Log << "brisk-check: error: --lsp: " << llvm::toString(Body.takeError())
          << "\n";
      return 1;
    }
    if (!*Body)
      return 1; // input closed without exit
    if (std::optional<int> Code = S.handle(**Body))
      return *Code;
  }
}

} // namespace brisk
