//===- ModelTestUtil.h - Hand-made summaries for link and rule tests ------===//

#ifndef BRISK_TEST_UNIT_MODELTESTUTIL_H
#define BRISK_TEST_UNIT_MODELTESTUTIL_H

#include "model/ProgramModel.h"
#include "model/Summary.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

namespace brisk::test {

inline SourceLoc loc(const std::string &File, unsigned Line,
                     unsigned Column = 1) {
  return {File, Line, Column};
}

inline ValueOrigin constant() {
  ValueOrigin O;
  O.Constant = true;
  return O;
}

inline ValueOrigin param(unsigned I) {
  ValueOrigin O;
  O.ParamMask = uint64_t(1) << I;
  return O;
}

inline ValueOrigin other() {
  ValueOrigin O;
  O.Other = true;
  return O;
}

inline CallSite call(const std::string &USR, SourceLoc Loc,
                     std::vector<ValueOrigin> Args = {},
                     CallKind Kind = CallKind::Direct,
                     OnceKind Once = OnceKind::None) {
  CallSite C;
  C.CalleeUSR = USR;
  C.CalleeName = USR;
  C.Kind = Kind;
  C.Loc = std::move(Loc);
  C.Once = Once;
  C.Args = std::move(Args);
  return C;
}

inline FunctionSummary fn(const std::string &USR, SourceLoc Loc,
                          std::vector<CallSite> Calls = {}) {
  FunctionSummary F;
  F.USR = USR;
  F.QualifiedName = USR;
  F.Loc = std::move(Loc);
  F.Calls = std::move(Calls);
  return F;
}

inline CatalogMatch match(const std::string &Entry, SourceLoc Loc,
                          std::vector<ValueOrigin> Args = {},
                          OnceKind Once = OnceKind::None) {
  CatalogMatch M;
  M.EntryId = Entry;
  M.Category = "test";
  M.What = Entry;
  M.Loc = std::move(Loc);
  M.Once = Once;
  M.Args = std::move(Args);
  return M;
}

inline HandlerRegistration registration(const std::string &USR, SourceLoc Loc) {
  HandlerRegistration R;
  R.HandlerUSR = USR;
  R.DisplayName = USR;
  R.Loc = std::move(Loc);
  return R;
}

/// A program of one TU in File whose first function is registered as the
/// handler.
inline ProgramModel singleTUProgram(const std::string &File,
                                    std::vector<FunctionSummary> Fns) {
  TUSummary T;
  T.MainFile = File;
  T.Handlers.push_back(registration(Fns.front().USR, loc(File, 99)));
  T.Functions = std::move(Fns);
  std::vector<TUSummary> S;
  S.push_back(std::move(T));
  return llvm::cantFail(ProgramModel::build(std::move(S), {}));
}

/// The node of the function with USR.
inline NodeId nodeOf(const ProgramModel &M, const std::string &USR) {
  for (NodeId N = 0; N < M.nodes().size(); ++N)
    if (M.node(N).Fn->USR == USR)
      return N;
  ADD_FAILURE() << "no node " << USR;
  return 0;
}

} // namespace brisk::test

#endif // BRISK_TEST_UNIT_MODELTESTUTIL_H
