//===- StaticLocalFix.h - When a local may become a function-local static -===//
//
// init-in-handler's one fix: a local whose initialiser is the same on every
// invocation can be a function-local static, built on the first call and
// reused (thread-safe since C++11). That is safe only for a plain local
// (alone in a declaration statement of a block, not a reference, pointer,
// static or constexpr, not spelled by a macro), and only as `static const`
// unless the catalogue entry says sharing a mutable object is the point (a
// client): a regex used only through const methods behaves the same
// static, a stream being read does not.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_EXTRACT_STATICLOCALFIX_H
#define BRISK_ANALYZER_EXTRACT_STATICLOCALFIX_H

#include "catalog/SiteCatalog.h"
#include "extract/FunctionContext.h"

namespace brisk {

/// The text to insert before VD's declaration ("static " or
/// "static const "), or "" when the fix would not be safe.
std::string staticLocalFix(const FunctionContext &F, const clang::VarDecl *VD,
                           SiteCatalogEntry::StaticFix Fix);

} // namespace brisk

#endif // BRISK_ANALYZER_EXTRACT_STATICLOCALFIX_H
