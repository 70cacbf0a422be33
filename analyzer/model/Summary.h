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

/// What a value built from A and B derives from.
inline ValueOrigin joinOrigins(const ValueOrigin &A, const ValueOrigin &B) {
  ValueOrigin O;
  O.Constant = A.Constant && B.Constant;
  O.ParamMask = A.ParamMask | B.ParamMask;
  O.Other = A.Other || B.Other;
  return O;
}

/// Why a site does not run per invocation even when its function does.
enum class OnceKind {
  None,
  StaticLocalInit, // initialiser of a function-local static
  CallOnce,        // callable passed to std::call_once
  LazyInitGuard,   // block under `if (!g) { ...; g = ...; }`, g a global
  /// Block under `if (!m) { ...; m = ...; }` with m a member of the
  /// implicit object: once only when that object outlives the invocation
  /// (decided at link time).
  LazyInitMember,
};

/// What an expression names when it may be state a write reaches, as far as
/// one function can tell. Parameters, the implicit object and call results
/// stay symbolic so that linking can say what they are on each call path.
enum class RefRoot {
  None,   // a value: not followed
  Local,  // an object of the function's own: a local, a temporary
  Global, // a namespace-scope, class-static, function-local static or
          // thread_local variable
  Param,  // what the caller passed for parameter Index (ValueOrigin::ThisBit:
          // the implicit object)
  /// A local of an enclosing function that a lambda captured by reference;
  /// it outlives the invocation when that function is init code (main).
  Captured,
  CallResult, // the reference or pointer that Calls[Index] returns
  /// A local declared before the Runtime API loop of its function: it lives
  /// across the loop's iterations, so it is the loop handler's own state.
  LoopLocal,
};

struct StateRef {
  RefRoot Root = RefRoot::None;
  std::string USR;   // Global, Captured, LoopLocal: the variable
  std::string Name;  // Global, Captured, LoopLocal: as users name it
  std::string Owner; // Captured, LoopLocal: the function the local is in
  unsigned Index = 0;
  /// Members below the root, each with a leading '.': ".Items.Map".
  /// Elements of a container are the container itself.
  std::string Path;
  bool ThreadLocal = false; // a thread_local variable or something in one

  bool operator==(const StateRef &) const = default;
};

enum class WriteKind {
  Assign,    // =, assign(), reset(), emplace() on a value holder
  Increment, // ++, --, compound assignment of a number, fetch_add
  Insert,    // push_back, emplace*, insert, operator[] on a map, append, +=
  Remove,    // erase, clear, pop*, resize, shrink_to_fit
  Mutate,    // any other change (a callee writing through a pointer)
};

/// What a write does, wherever it is seen from: in the function that makes
/// it (StateWrite) or at a call through which a callee makes it
/// (WriteEffect).
struct WriteTraits {
  WriteKind Kind = WriteKind::Mutate;
  OnceKind Once = OnceKind::None;
  /// The written value (for an insertion into a keyed container, the key
  /// and the value).
  ValueOrigin Value;
  /// Insertions into keyed containers (maps, sets): the key's origin. A
  /// constant key adds at most one entry, however often it runs.
  bool Keyed = false;
  ValueOrigin Key;
  /// An assignment of a compile-time constant: the constant, so that writes
  /// of one and the same value are recognised as idempotent; and for a
  /// keyed container, the constant key it is stored under.
  std::string ConstantValue;
  std::string ConstantKey;
  bool Locked = false; // under a mutex lock held in the function
  bool Atomic = false; // on an atomic object
  /// The write replaces everything the object held (clear(), erase(), the
  /// assignment of a whole container), not one element.
  bool Resets = false;
};

/// A write to something that may be state outliving the invocation.
struct StateWrite : WriteTraits {
  StateRef Target;
  SourceLoc Loc;
  /// A write a callee makes through a parameter, mapped to this call site:
  /// the callee and where it writes.
  std::string ViaFunction;
  SourceLoc ViaLoc;
};

enum class CallKind {
  Direct,
  Virtual,     // resolved at link time to every override in the program
  Constructor, // including members and bases it constructs
  Destructor,
  Callable, // a lambda or function object created here, assumed to be called
  /// A call through a function value (a function pointer, std::function,
  /// member-function pointer); its callees are what linking's points-to
  /// finds in CallSite::ValueSlots.
  Indirect,
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
  /// What each argument passed by non-const reference or pointer names
  /// (empty when there is none), and the object of a non-const method or a
  /// constructor: linking maps the callee's writes through its parameters
  /// onto them.
  std::vector<StateRef> ArgRefs;
  StateRef ObjectRef;
  /// How arguments that may carry a parameter's data are spelled (empty
  /// strings for the others, or no entries at all), for notes.
  std::vector<std::string> ArgTexts;
  /// The constant text each argument is known to start with, for string
  /// arguments of user functions (empty strings for the others, or no
  /// entries at all).
  std::vector<std::string> ArgPrefixes;
  /// For string arguments whose start is not known here: the program
  /// function whose result they start with (USR), or empty (no entries at
  /// all when there are none).
  std::vector<std::string> ArgPrefixCalls;
  /// Indirect calls: the function-value slots the callee is read from.
  std::vector<std::string> ValueSlots;
  bool Locked = false; // under a mutex lock held in the caller
};

/// What a string argument is known to be, for rules that care about paths.
struct StringFacts {
  /// The constant text the string starts with ("/tmp/order-" for
  /// "/tmp/order-" + Id), and whether that is all of it.
  std::string Prefix;
  bool Complete = false;
  /// The string is an entry of a directory listing (Prefix is the listed
  /// directory): it stands for every file in it.
  bool Listing = false;
  /// The program function whose returned string this one starts with, when
  /// Prefix is not known here: its USR (linking reads what it returns).
  std::string PrefixCall;
  /// The variables the string is built from ("local:<fn>#Path@12:3",
  /// "member:<field USR>", "global:<USR>", "param:<index>") and the program
  /// functions whose results it is built from ("result:<USR>").
  std::vector<std::string> Names;
  /// Catalogue entries of calls the string is built from (a clock, a UUID).
  std::vector<std::string> Sources;

  bool operator==(const StringFacts &) const = default;
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
  /// What each of Args is known to be as a string.
  std::vector<StringFacts> ArgStrings;
  /// The site runs in the child of fork() (`if (fork() == 0) ...`).
  bool InForkedChild = false;
  /// A construction that initialises a local the entry allows to make a
  /// function-local static: the text to insert before the declaration
  /// ("static " or "static const "), where, and the origin of the
  /// initialiser, which must be a compile-time constant for the fix to be
  /// safe. FixText is empty when there is no fix.
  std::string FixText;
  SourceLoc FixLoc;
  ValueOrigin FixRequires;
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
  std::vector<StateWrite> Writes;
  /// For a function returning a reference or pointer: what it refers to,
  /// when every return agrees.
  StateRef ReturnRef;
  /// For a function returning a string or path: what it returns, every
  /// return merged (the prefix they share, all their names and sources).
  StringFacts ReturnString;
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

/// A flow-insensitive fact about function values: whatever slot From holds
/// may also be held by slot To. A slot names where function values live:
/// "global:<USR>" (a variable), "member:<field USR>" (that member of any
/// object), "param:<function USR>#<index>", "return:<function USR>",
/// "local:<function USR>#<name>@<line>:<column>". From may instead be a
/// function value itself: "fn:<USR>".
struct ValueFlow {
  std::string To;
  std::string From;

  bool operator==(const ValueFlow &) const = default;
  auto operator<=>(const ValueFlow &) const = default;
};

/// A string literal matching a pattern of rules/credential-patterns.json.
struct PatternLiteral {
  std::string PatternId;
  SourceLoc Loc;
  /// What the literal sits in: a call, a braced initialiser, a class's
  /// member initialisers or a block of declarations. Literals with the same
  /// group are next to each other.
  std::string Group;
};

struct TUSummary {
  std::string MainFile; // absolute
  std::vector<FunctionSummary> Functions;
  std::vector<HandlerRegistration> Handlers;
  std::vector<ValueFlow> Flows;
  std::vector<PatternLiteral> Literals;
  bool HadErrors = false; // clang reported errors; summary is best effort
  unsigned ErrorCount = 0;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_SUMMARY_H
