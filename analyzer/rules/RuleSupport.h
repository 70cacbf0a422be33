//===- RuleSupport.h - What rules share: paths and findings ---------------===//

#ifndef BRISK_ANALYZER_RULES_RULESUPPORT_H
#define BRISK_ANALYZER_RULES_RULESUPPORT_H

#include "catalog/SiteCatalog.h"
#include "rules/Rule.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace brisk {

/// The calls from handler H's entry to N, as findings show them.
std::vector<TraceStep> traceTo(const Analysis &A, unsigned H, NodeId N);

/// How N is named in messages and notes: the handler's display name for
/// its entry, otherwise the function's qualified name.
std::string functionLabel(const Analysis &A, unsigned H, NodeId N);

/// Steps of a call path as findings show them.
std::vector<TraceStep> traceOf(const Analysis &A, unsigned H,
                               llvm::ArrayRef<PathStep> Steps);

/// A finding of Rule at Loc in code handler H reaches at N: the handler's
/// name and the shortest call path filled in. For a site under a lazy-init
/// guard of a member (Once), the path avoids calls on lasting objects: it
/// is the one on which the guard guards nothing.
Finding reachedFinding(const Analysis &A, const Rule &R, unsigned H, NodeId N,
                       SourceLoc Loc, std::string Message,
                       OnceKind Once = OnceKind::None);

/// Calls Fn(H, N, Match, Entry) for every match of an enabled entry of
/// Rule's in code handler H runs per invocation at N, not once-guarded.
void forEachReachedMatch(
    const Analysis &A, const SiteCatalog &Catalog, llvm::StringRef Rule,
    llvm::function_ref<void(unsigned H, NodeId N, const CatalogMatch &,
                            const SiteCatalogEntry &)>
        Fn);

} // namespace brisk

#endif // BRISK_ANALYZER_RULES_RULESUPPORT_H
