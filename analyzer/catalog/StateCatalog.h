//===- StateCatalog.h - How library types change state and lock it --------===//
//
// rules/state-catalog.json (plus the "state-catalog" key of --config files)
// says what extraction needs to know about library types to recognise writes
// to global state: which methods of containers, value holders and atomics
// insert, remove, assign or increment; which containers are keyed (a map's
// operator[] inserts); which types are atomic; which RAII types hold a lock
// while they live, which mutex methods and functions lock and unlock; and
// which C functions write through an argument (strcpy, snprintf). User code
// needs no entry: its own methods are followed.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_CATALOG_STATECATALOG_H
#define BRISK_ANALYZER_CATALOG_STATECATALOG_H

#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brisk {

/// What calling a method writes: its kind, and whether it empties the
/// object ("clear" in the catalogue: a remove that leaves nothing).
struct MethodWrite {
  WriteKind Kind = WriteKind::Mutate;
  bool Clears = false;

  bool operator==(const MethodWrite &) const = default;
};

/// A library class (a class template named without arguments) whose
/// methods change what it holds.
struct StateClass {
  bool Keyed = false;  // a map or set: insertions add keys
  bool Atomic = false; // writes through it are atomic
  std::map<std::string, MethodWrite> Methods;
};

/// A function that locks a mutex given as an argument, and the one that
/// unlocks it.
struct LockFunction {
  std::string Lock;
  std::string Unlock;
};

/// A C function that writes through one of its arguments.
struct WriterFunction {
  unsigned Arg = 0;
  WriteKind Kind = WriteKind::Assign;
  /// Arguments whose values end up in the written object (for strcpy the
  /// source); empty: every other argument.
  std::vector<unsigned> ValueArgs;
};

struct StateCatalog {
  std::map<std::string, StateClass> Classes;
  std::vector<std::string> LockGuards;
  std::vector<std::string> Mutexes;
  std::vector<std::string> LockMethods;
  std::vector<std::string> UnlockMethods;
  std::vector<LockFunction> LockFunctions;
  std::map<std::string, WriterFunction> Writers;

  const StateClass *findClass(llvm::StringRef QualifiedName) const;
  const WriterFunction *findWriter(llvm::StringRef QualifiedName) const;
  bool isLockGuard(llvm::StringRef QualifiedName) const;
  bool isMutex(llvm::StringRef QualifiedName) const;
  /// Everything that changes what extraction records, for cache keys.
  std::string fingerprint() const;
};

llvm::StringRef writeKindName(WriteKind K);
/// A catalogue's write kind: assign, increment, insert, remove, clear
/// (a remove that empties the object) or mutate.
std::optional<MethodWrite> parseMethodWrite(llvm::StringRef Name);

/// Merges one document into Into: classes by name (methods override one by
/// one), lists appended. Name is used in errors.
llvm::Error mergeStateCatalog(StateCatalog &Into, llvm::StringRef Text,
                              llvm::StringRef Name);

/// Loads Paths in order, ours first.
llvm::Expected<StateCatalog>
loadStateCatalog(llvm::ArrayRef<std::string> Paths);

} // namespace brisk

#endif // BRISK_ANALYZER_CATALOG_STATECATALOG_H
