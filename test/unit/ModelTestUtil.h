//===- ModelTestUtil.h - Hand-made summaries for link and rule tests ------===//

#ifndef BRISK_TEST_UNIT_MODELTESTUTIL_H
#define BRISK_TEST_UNIT_MODELTESTUTIL_H

#include "model/Summary.h"

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

} // namespace brisk::test

#endif // BRISK_TEST_UNIT_MODELTESTUTIL_H
