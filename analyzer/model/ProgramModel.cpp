//===- ProgramModel.cpp - Link TU summaries into one call graph -----------===//

#include "model/ProgramModel.h"

#include "model/FunctionPointsTo.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <deque>
#include <set>

namespace brisk {

namespace {

/// True when Dir is Root or lies under it (by whole path components).
bool isWithin(llvm::StringRef Dir, llvm::StringRef Root) {
  if (!Dir.starts_with(Root))
    return false;
  if (Dir.size() == Root.size() || Root.ends_with("/"))
    return true;
  return Dir[Root.size()] == '/';
}

bool definesProgram(const TUSummary &TU) {
  return !TU.Handlers.empty() ||
         llvm::any_of(TU.Functions,
                      [](const FunctionSummary &F) { return F.IsMain; });
}

} // namespace

llvm::Expected<ProgramModel>
ProgramModel::build(std::vector<TUSummary> Summaries,
                    llvm::ArrayRef<std::string> NamedHandlers) {
  ProgramModel M;
  M.Summaries = std::move(Summaries);
  for (unsigned TU = 0; TU < M.Summaries.size(); ++TU)
    for (const FunctionSummary &F : M.Summaries[TU].Functions) {
      NodeId Id = M.Nodes.size();
      M.Nodes.push_back({TU, &F, {}});
      M.Definitions[F.USR].push_back(Id);
      for (const std::string &Base : F.Overrides)
        M.DirectOverriders[Base].push_back(Id);
    }
  M.assignPrograms();
  M.linkCalls();
  M.collectHandlers();
  if (auto E = M.addNamedHandlers(NamedHandlers))
    return E;
  return M;
}

void ProgramModel::assignPrograms() {
  std::set<std::string> Roots;
  for (const TUSummary &TU : Summaries)
    if (definesProgram(TU))
      Roots.insert(llvm::sys::path::parent_path(TU.MainFile).str());
  for (const std::string &Root : Roots)
    Programs.push_back({Root});

  TUProgram.assign(Summaries.size(), -1);
  for (unsigned TU = 0; TU < Summaries.size(); ++TU) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(Summaries[TU].MainFile);
    size_t Best = 0;
    for (unsigned P = 0; P < Programs.size(); ++P) {
      const std::string &Root = Programs[P].RootDir;
      if (isWithin(Dir, Root) && Root.size() >= Best) {
        Best = Root.size();
        TUProgram[TU] = P;
      }
    }
  }
}

long ProgramModel::resolve(unsigned FromTU, llvm::StringRef USR) const {
  auto It = Definitions.find(USR);
  if (It == Definitions.end())
    return -1;
  // Candidates are in TU order: a header's inline function defined in
  // thousands of TUs is found in its caller's TU by binary search.
  const std::vector<NodeId> &Candidates = It->second;
  auto Own = llvm::partition_point(
      Candidates, [&](NodeId N) { return Nodes[N].TU < FromTU; });
  if (Own != Candidates.end() && Nodes[*Own].TU == FromTU)
    return *Own;
  int P = TUProgram[FromTU];
  std::string Key = std::to_string(P) + "\n" + USR.str();
  auto Cached = ResolvedOutsideTU.find(Key);
  if (Cached != ResolvedOutsideTU.end())
    return Cached->second;
  long Found = resolveOutsideTU(Candidates, P);
  ResolvedOutsideTU[Key] = Found;
  return Found;
}

long ProgramModel::resolveOutsideTU(llvm::ArrayRef<NodeId> Candidates,
                                    int Program) const {
  if (Program >= 0)
    for (NodeId N : Candidates)
      if (TUProgram[Nodes[N].TU] == Program)
        return N;
  // Outside the caller's program only one definition may exist: the same
  // inline function seen by several TUs counts once, but two programs'
  // different functions with one USR are never merged.
  auto UniqueAmong = [&](auto Pred) -> long {
    long Found = -1;
    for (NodeId N : Candidates) {
      if (!Pred(N))
        continue;
      if (Found < 0)
        Found = N;
      else if (Nodes[Found].Fn->Loc != Nodes[N].Fn->Loc)
        return -2;
    }
    return Found;
  };
  long Shared =
      UniqueAmong([&](NodeId N) { return TUProgram[Nodes[N].TU] < 0; });
  if (Shared != -1)
    return Shared < 0 ? -1 : Shared;
  long Anywhere = UniqueAmong([](NodeId) { return true; });
  return Anywhere < 0 ? -1 : Anywhere;
}

std::vector<std::string> ProgramModel::overridersOf(unsigned FromTU,
                                                    llvm::StringRef USR) const {
  int P = TUProgram[FromTU];
  auto Visible = [&](NodeId N) {
    int Q = TUProgram[Nodes[N].TU];
    return P < 0 || Q < 0 || Q == P;
  };
  std::vector<std::string> Result;
  llvm::StringSet<> Seen;
  Seen.insert(USR);
  std::deque<std::string> Work{USR.str()};
  while (!Work.empty()) {
    std::string Cur = std::move(Work.front());
    Work.pop_front();
    auto It = DirectOverriders.find(Cur);
    if (It == DirectOverriders.end())
      continue;
    for (NodeId N : It->second) {
      const std::string &Over = Nodes[N].Fn->USR;
      if (!Visible(N) || !Seen.insert(Over).second)
        continue;
      Result.push_back(Over);
      Work.push_back(Over);
    }
  }
  return Result;
}

void ProgramModel::linkCalls() {
  FunctionPointsTo PointsTo = FunctionPointsTo::solve(Summaries, TUProgram);
  for (Node &N : Nodes) {
    for (const CallSite &Site : N.Fn->Calls) {
      llvm::SmallVector<NodeId, 4> Targets;
      auto Add = [&](long Target) {
        if (Target >= 0 && !llvm::is_contained(Targets, NodeId(Target)))
          Targets.push_back(Target);
      };
      if (Site.Kind == CallKind::Indirect) {
        for (const std::string &Slot : Site.ValueSlots)
          for (const std::string &USR :
               PointsTo.valuesOf(TUProgram[N.TU], Slot))
            Add(resolve(N.TU, USR));
        if (Targets.empty())
          ++UntracedCalls;
        for (NodeId T : Targets)
          N.Out.push_back({&Site, T});
        continue;
      }
      Add(resolve(N.TU, Site.CalleeUSR));
      if (Site.Kind == CallKind::Virtual)
        for (const std::string &Over : overridersOf(N.TU, Site.CalleeUSR))
          Add(resolve(N.TU, Over));
      for (NodeId T : Targets)
        N.Out.push_back({&Site, T});
    }
  }
}

void ProgramModel::addHandler(NodeId Entry, std::string DisplayName,
                              HandlerKind Kind, SourceLoc Loc) {
  // The same definition reached through several TUs (a header) or
  // registrations is one handler.
  const FunctionSummary *Fn = Nodes[Entry].Fn;
  for (const Handler &H : Handlers) {
    const FunctionSummary *Other = Nodes[H.Entry].Fn;
    if (Other->USR == Fn->USR && Other->Loc == Fn->Loc)
      return;
  }
  Handlers.push_back({Entry, std::move(DisplayName), Kind, std::move(Loc)});
}

void ProgramModel::collectHandlers() {
  for (unsigned TU = 0; TU < Summaries.size(); ++TU)
    for (const HandlerRegistration &R : Summaries[TU].Handlers) {
      long Entry = resolve(TU, R.HandlerUSR);
      if (Entry >= 0)
        addHandler(Entry, R.DisplayName, R.Kind, R.Loc);
    }
  for (NodeId N = 0; N < Nodes.size(); ++N)
    if (Nodes[N].Fn->IsAnnotatedHandler)
      addHandler(N, Nodes[N].Fn->QualifiedName, HandlerKind::Annotated,
                 Nodes[N].Fn->Loc);
}

llvm::Error ProgramModel::addNamedHandlers(llvm::ArrayRef<std::string> Names) {
  for (llvm::StringRef Name : Names) {
    llvm::StringRef Wanted = Name;
    Wanted.consume_front("::");
    bool Found = false;
    for (NodeId N = 0; N < Nodes.size(); ++N)
      if (Nodes[N].Fn->QualifiedName == Wanted) {
        addHandler(N, Wanted.str(), HandlerKind::Named, Nodes[N].Fn->Loc);
        Found = true;
      }
    if (!Found)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "handler '" + Name +
                                         "' matches no function defined in the "
                                         "compilation database");
  }
  return llvm::Error::success();
}

} // namespace brisk
