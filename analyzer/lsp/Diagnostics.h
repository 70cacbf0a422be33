//===- Diagnostics.h - Findings as LSP diagnostics and code actions -------===//
//
// LSP positions are 0-based lines and columns counted in UTF-16 code units
// (or bytes, when the client accepts "utf-8"); findings carry 1-based lines
// and byte columns, so every position is converted against the line's text.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_LSP_DIAGNOSTICS_H
#define BRISK_ANALYZER_LSP_DIAGNOSTICS_H

#include "report/Finding.h"
#include "report/SourceFiles.h"

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace brisk::lsp {

/// file:// URI of an absolute path, percent-encoded.
std::string pathToUri(llvm::StringRef Path);
/// The path of a file:// URI; nullopt for other schemes or bad escapes.
std::optional<std::string> uriToPath(llvm::StringRef Uri);

enum class PositionEncoding { UTF16, UTF8 };

class DiagnosticBuilder {
public:
  DiagnosticBuilder(SourceFiles &Sources, PositionEncoding Encoding)
      : Sources(Sources), Encoding(Encoding) {}

  /// The diagnostic for F: its range covers the token at F's location, the
  /// call path and notes are its related information.
  nlohmann::json diagnostic(const Finding &F);

  /// A quick fix applying F's fix-its, shown beside Diagnostic; nullopt when
  /// F has none.
  std::optional<nlohmann::json> codeAction(const Finding &F,
                                           const nlohmann::json &Diagnostic);

private:
  /// The position of byte column Column (1-based) on Line (1-based).
  nlohmann::json position(llvm::StringRef File, unsigned Line, unsigned Column);
  nlohmann::json location(const SourceLoc &Loc);

  SourceFiles &Sources;
  PositionEncoding Encoding;
};

} // namespace brisk::lsp

#endif // BRISK_ANALYZER_LSP_DIAGNOSTICS_H
