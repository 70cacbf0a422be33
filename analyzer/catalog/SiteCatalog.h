//===- SiteCatalog.h - Calls and constructions rules look for -------------===//
//
// The site catalogue (rules/init-catalog.json, rules/process-catalog.json,
// rules/tmp-file-catalog.json, plus user files given with --config) is the
// single source of the calls and constructions rules look for: expensive
// initialisation, process exits, detached threads, temporary files. Each
// entry names the rule it serves, says what to match (a function, a class,
// or any class derived from a base), whether constructing it or calling it
// is the act, and, for init-in-handler, under which condition the site could
// be hoisted to init.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CATALOG_SITECATALOG_H
#define BRISK_ANALYZER_CATALOG_SITECATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brisk {

enum class MatchKind {
  Function,    // a free function or method by qualified name (prefix with *)
  Class,       // exactly this class (or class template) by qualified name
  DerivedFrom, // any class deriving, directly or not, from this class
};

enum class SiteKind {
  Construct, // constructing an object of the class (any way: local, new, ...)
  Call,      // calling the function (or a method of the class: see Methods)
};

/// When a matched site could run once at init instead of per invocation.
enum class HoistCondition {
  Always,             // hoistable whatever the arguments
  RequestIndependent, // the listed arguments do not depend on the request
  ConstantArgs,       // the listed arguments are compile-time constants
};

/// A constraint on a constant string argument, evaluated at extraction time
/// (e.g. fopen mode "r", a path outside /tmp). The match is only recorded
/// when every constraint holds or the argument is not a known constant
/// string.
struct ArgConstraint {
  unsigned Arg = 0;
  /// The constant string must start with one of these (empty: any).
  std::vector<std::string> PrefixAnyOf;
  /// The constant string must not start with any of these.
  std::vector<std::string> PrefixNoneOf;
  /// The constant integer must have none of these bits set (e.g. O_WRONLY).
  uint64_t IntBitsNoneOf = 0;
  /// The constant integer must have all of these bits clear and equal this
  /// value under IntMask (e.g. O_ACCMODE == O_RDONLY).
  uint64_t IntMask = 0;
  uint64_t IntEquals = 0;
};

struct SiteCatalogEntry {
  std::string Id; // unique; user files override ours by id
  std::string Rule = "init-in-handler"; // the rule the entry serves
  std::string Category; // sdk-client, connection, exit, detach, create, ...
  MatchKind Match = MatchKind::Function;
  /// Qualified name without leading "::". For Function a trailing '*' matches
  /// any name with that prefix (sqlite3_open*).
  std::string Name;
  SiteKind Kind = SiteKind::Call;
  /// For Call on a class: methods of Name that count (e.g. "open").
  std::vector<std::string> Methods;
  HoistCondition Condition = HoistCondition::Always;
  /// Argument indexes the condition looks at (of the call or constructor).
  std::vector<unsigned> Args;
  std::vector<ArgConstraint> Constraints;
  /// The site only matches when the call's result is thrown away (a
  /// std::async whose future nobody keeps).
  bool ResultDiscarded = false;
  /// A construction initialising a local may be fixed by making the local a
  /// function-local static: Const when every use of it is const (a regex),
  /// Any also when some are not (a client, meant to be shared).
  enum class StaticFix { None, Const, Any } Fix = StaticFix::None;
  std::string Message;   // what is expensive
  std::string Hint;      // what to do instead
  bool Disabled = false; // a user file can switch one of ours off
};

struct SiteCatalog {
  std::vector<SiteCatalogEntry> Entries; // sorted by Id

  const SiteCatalogEntry *find(llvm::StringRef Id) const;
  /// Everything that changes what extraction records, for cache keys.
  std::string fingerprint() const;
};

/// Loads Paths in order: ours first (rules/*-catalog.json), then user files
/// that add entries or override earlier ones with the same id. Errors name
/// the file and what is wrong.
llvm::Expected<SiteCatalog> loadSiteCatalog(llvm::ArrayRef<std::string> Paths);

/// Parses one catalogue document already in memory; Name is used in errors.
llvm::Error mergeSiteCatalog(SiteCatalog &Into, llvm::StringRef Text,
                             llvm::StringRef Name);

} // namespace brisk

#endif // BRISK_ANALYZER_CATALOG_SITECATALOG_H
