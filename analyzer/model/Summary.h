//===- Summary.h - What extraction learns about one translation unit ------===//
//
// A TUSummary is the only thing that survives a translation unit's AST: the
// functions it defines, the calls they make, the facts rules need, and the
// handlers it registers. It is plain data so that it can be cached on disk and
// merged across translation units without re-parsing.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_SUMMARY_H
#define BRISK_ANALYZER_MODEL_SUMMARY_H

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

struct SourceLoc {
  std::string File; // absolute path
  unsigned Line = 0;
  unsigned Column = 0;

  bool operator==(const SourceLoc &) const = default;
  auto operator<=>(const SourceLoc &) const = default;
};

/// Where a value (an argument, a pattern, a stored value) comes from, as far
/// as one function can tell. Dependence on the enclosing function's own
/// parameters is kept symbolic so that linking can decide, per call path,
/// whether it is request data.
struct ValueOrigin {
  /// A compile-time constant: literals, constexpr, const globals with constant
  /// initialisers, and expressions built only from those.
  bool Constant = false;
  /// Bit I (I < 62): derives from parameter I of the enclosing function.
  /// Bit 62: derives from the implicit object of a method or constructor
  /// (`this`, its members), a pseudo-parameter whose origin each call site
  /// records in CallSite::Object. Bit 63: derives from a value created per
  /// invocation inside a Runtime API polling loop (request data of a loop
  /// handler).
  uint64_t ParamMask = 0;
  /// Derives from something else that is neither constant nor a parameter
  /// (a local built in the function, a global, an environment variable).
  bool Other = false;

  static constexpr unsigned ThisBit = 62;
  static constexpr unsigned LoopRequestBit = 63;
  /// Parameters past this one share no bit; they are not tracked.
  static constexpr unsigned MaxParams = ThisBit;
};

/// Why a site does not run per invocation even when its function does.
enum class OnceKind {
  None,
  StaticLocalInit, // initialiser of a function-local static
  CallOnce,        // callable passed to std::call_once
  LazyInitGuard,   // block under `if (!g) { ...; g = ...; }`
};

enum class CallKind {
  Direct,
  Virtual,     // resolved at link time to every override in the program
  Constructor, // including members and bases it constructs
  Destructor,
  Callable, // a lambda or function object created here, assumed to be called
};

struct CallSite {
  std::string CalleeUSR;
  std::string CalleeName; // qualified, for messages and traces
  CallKind Kind = CallKind::Direct;
  SourceLoc Loc;
  OnceKind Once = OnceKind::None;
  std::vector<ValueOrigin> Args; // one per argument, in order
  /// The origin of the callee's implicit object: the object a method is
  /// called on, the arguments (and member initialisers) a constructor builds
  /// its object from. Unknown objects, and calls of free functions, are
  /// "other".
  ValueOrigin Object{/*Constant=*/false, /*ParamMask=*/0, /*Other=*/true};
};

/// A construction or call that matched an entry of the init catalogue
/// (rules/init-catalog.json, plus user extensions).
struct CatalogMatch {
  std::string EntryId;  // the catalogue entry's "id"
  std::string Category; // sdk-client, connection, regex, ...
  std::string What;     // the qualified name that matched, for the message
  SourceLoc Loc;
  OnceKind Once = OnceKind::None;
  /// The origins of the arguments the entry's hoisting condition looks at.
  std::vector<ValueOrigin> Args;
  /// The entry's hoisting condition: "always", "request-independent" (Args
  /// must not depend on the request) or "constant-args" (Args must be
  /// compile-time constants), so a summary can be judged without the
  /// catalogue.
  std::string Condition;
  /// Which call or constructor argument each of Args is.
  std::vector<unsigned> ArgIndexes;
};

/// A function-like entity defined in the TU: free function, method,
/// constructor, destructor, a lambda's call operator, a function object's
/// operator(), or the synthetic body of a Runtime API polling loop.
struct FunctionSummary {
  std::string USR; // unique within a program; loop bodies: "<fn USR>#loop@L:C"
  std::string QualifiedName;
  SourceLoc Loc; // of the name (or the loop keyword)
  bool IsMain = false;
  bool IsAnnotatedHandler = false;    // [[clang::annotate("brisk::handler")]]
  bool IsLambda = false;              // a lambda expression's call operator
  std::vector<std::string> Overrides; // USRs of methods this one overrides
  std::vector<CallSite> Calls;
  std::vector<CatalogMatch> Matches;
};

enum class HandlerKind {
  RunHandlerArgument, // passed to aws::lambda_runtime::run_handler
  Named,              // --handler or the config file (added at link time)
  Annotated,          // [[clang::annotate("brisk::handler")]]
  PollingLoop,        // body of a loop that polls the Runtime API
};

struct HandlerRegistration {
  std::string HandlerUSR;  // the callable that runs per invocation
  std::string DisplayName; // "handler", "main::lambda", ...
  HandlerKind Kind = HandlerKind::RunHandlerArgument;
  SourceLoc Loc; // where it is registered
};

struct TUSummary {
  std::string MainFile; // absolute
  std::vector<FunctionSummary> Functions;
  std::vector<HandlerRegistration> Handlers;
  bool HadErrors = false; // clang reported errors; summary is best effort
  unsigned ErrorCount = 0;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_SUMMARY_H
