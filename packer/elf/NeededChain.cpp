//===- NeededChain.cpp - Why a library is in a program's closure ----------===//

#include "elf/NeededChain.h"

#include <deque>

using namespace llvm;

namespace brisk {

std::map<std::string, std::string>
neededChains(const DependencyClosure &Closure, StringRef Program) {
  // Needer (real path) -> the sonames it needs, in soname order.
  std::map<std::string, std::vector<std::string>> Needs;
  for (const ResolvedLibrary &Lib : Closure.Libraries)
    for (const std::string &Needer : Lib.NeededBy)
      Needs[Needer].push_back(Lib.Soname);

  std::map<std::string, std::string> Chains;
  std::deque<std::pair<std::string, std::string>> Queue; // real path, chain
  Queue.push_back({Closure.Executable, Program.str()});
  for (const ResolvedLibrary &Lib : Closure.Libraries)
    if (Lib.Included) {
      Chains[Lib.Soname] = "--include -> " + Lib.Soname;
      Queue.push_back({Lib.RealPath, Chains[Lib.Soname]});
    }
  // Breadth first: the first chain to reach a soname is a shortest one.
  while (!Queue.empty()) {
    auto [Path, Chain] = Queue.front();
    Queue.pop_front();
    for (const std::string &Soname : Needs[Path]) {
      if (Chains.count(Soname))
        continue;
      std::string Next = Chain + " -> " + Soname;
      Chains[Soname] = Next;
      const ResolvedLibrary *Lib = Closure.find(Soname);
      if (Lib && !Lib->RealPath.empty())
        Queue.push_back({Lib->RealPath, Next});
    }
  }
  return Chains;
}

} // namespace brisk
