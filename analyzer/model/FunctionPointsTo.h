//===- FunctionPointsTo.h - Which functions a function value may hold -----===//
//
// A flow-insensitive, inclusion-based points-to over the TUs' ValueFlows:
// every slot (variable, member, parameter, return value) holds the union of
// the function values stored into it and of the slots that flow into it.
// Programs are solved apart, so that two Lambda functions in one database
// never share a route table: a program sees its own TUs' flows and those of
// TUs that belong to no program (a shared library's sources).
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_MODEL_FUNCTIONPOINTSTO_H
#define BRISK_ANALYZER_MODEL_FUNCTIONPOINTSTO_H

#include "model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace brisk {

class FunctionPointsTo {
public:
  /// TUProgram[I] is the program of Summaries[I], or -1.
  static FunctionPointsTo solve(llvm::ArrayRef<TUSummary> Summaries,
                                llvm::ArrayRef<int> TUProgram);

  /// The USRs of the functions Slot may hold, seen from program Program
  /// (sorted). A "fn:<USR>" slot is that function itself.
  std::vector<std::string> valuesOf(int Program, llvm::StringRef Slot) const;

private:
  /// Program -> slot -> function USRs (sorted, unique).
  std::map<int, llvm::StringMap<std::vector<std::string>>> Values;
};

} // namespace brisk

#endif // BRISK_ANALYZER_MODEL_FUNCTIONPOINTSTO_H
