//===- ProgramModel.h - All TU summaries linked into one call graph -------===//
//
// Linking turns per-TU summaries into a graph whose nodes are function
// definitions keyed by (TU, USR): two programs in one database may both
// define `handler()`, and their call graphs must never merge. Each call site
// is resolved in its own TU first, then in its program's directory tree, and
// only then anywhere if the definition there is unique. A call through a
// function value goes to every function the program's points-to says the
// value may hold.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_PROGRAMMODEL_H
#define BRISK_ANALYZER_MODEL_PROGRAMMODEL_H

#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace brisk {

using NodeId = unsigned;

/// A resolved call edge: the call site in the caller and the callee node.
struct Edge {
  const CallSite *Site = nullptr;
  NodeId Callee = 0;
};

struct Node {
  unsigned TU = 0;
  const FunctionSummary *Fn = nullptr;
  std::vector<Edge> Out; // in call-site order, then override order
};

/// A handler after linking: the node that runs once per invocation.
struct Handler {
  NodeId Entry = 0;
  std::string DisplayName;
  HandlerKind Kind = HandlerKind::RunHandlerArgument;
  SourceLoc Loc; // where it was registered, or its definition
};

/// A program: a directory tree rooted at a TU that defines main or registers
/// a handler. TUs outside every root belong to no program (-1).
struct Program {
  std::string RootDir;
};

class ProgramModel {
public:
  // Nodes and edges point into Summaries: moving keeps them valid, copying
  // would not.
  ProgramModel(ProgramModel &&) = default;
  ProgramModel &operator=(ProgramModel &&) = default;
  ProgramModel(const ProgramModel &) = delete;
  ProgramModel &operator=(const ProgramModel &) = delete;

  /// Links Summaries. NamedHandlers are qualified names from --handler and the
  /// config file; a name that matches no definition is an error.
  static llvm::Expected<ProgramModel>
  build(std::vector<TUSummary> Summaries,
        llvm::ArrayRef<std::string> NamedHandlers);

  llvm::ArrayRef<TUSummary> summaries() const { return Summaries; }
  llvm::ArrayRef<Node> nodes() const { return Nodes; }
  const Node &node(NodeId N) const { return Nodes[N]; }
  llvm::ArrayRef<Handler> handlers() const { return Handlers; }
  llvm::ArrayRef<Program> programs() const { return Programs; }
  /// The program TU belongs to, or -1.
  int programOf(unsigned TU) const { return TUProgram[TU]; }

  /// Resolves USR as a call from TU would; -1 when there is no definition
  /// or it is ambiguous across programs.
  long resolve(unsigned FromTU, llvm::StringRef USR) const;

  /// Calls through function values for which the points-to found no
  /// function: they have no edge (missed, never falsely reported).
  unsigned untracedCalls() const { return UntracedCalls; }

private:
  ProgramModel() = default;
  void assignPrograms();
  void linkCalls();
  void collectHandlers();
  llvm::Error addNamedHandlers(llvm::ArrayRef<std::string> Names);
  /// resolve() for a USR not defined in the caller's TU.
  long resolveOutsideTU(llvm::ArrayRef<NodeId> Candidates, int Program) const;
  void addHandler(NodeId Entry, std::string DisplayName, HandlerKind Kind,
                  SourceLoc Loc);
  /// USRs of every method overriding USR (transitively) visible from TU.
  std::vector<std::string> overridersOf(unsigned FromTU,
                                        llvm::StringRef USR) const;

  std::vector<TUSummary> Summaries;
  std::vector<Node> Nodes;
  std::vector<Handler> Handlers;
  std::vector<Program> Programs;
  std::vector<int> TUProgram;
  unsigned UntracedCalls = 0;
  /// USR -> every node defining it, in TU order.
  llvm::StringMap<std::vector<NodeId>> Definitions;
  /// Overridden method USR -> nodes of methods directly overriding it.
  llvm::StringMap<std::vector<NodeId>> DirectOverriders;
  /// "<program>\n<USR>" -> resolveOutsideTU's answer, which only depends on
  /// the caller's program.
  mutable llvm::StringMap<long> ResolvedOutsideTU;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_PROGRAMMODEL_H
