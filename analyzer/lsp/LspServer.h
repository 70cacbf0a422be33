//===- LspServer.h - brisk-check as a language server ---------------------===//
//
// `brisk-check --lsp` speaks the Language Server Protocol on stdin/stdout
// beside clangd: on didOpen and didSave it runs the whole-program check
// (cached summaries make a one-file change cheap) and publishes every
// finding as a diagnostic, its call path as related information, and its
// fix-its as a quick-fix code action.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_LSP_LSPSERVER_H
#define BRISK_ANALYZER_LSP_LSPSERVER_H

#include "driver/CheckOptions.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>

namespace brisk {

/// Serves until `exit`; returns the process's exit code (0 after a
/// shutdown request, 1 otherwise, as the protocol specifies). Base holds the
/// command line's options; without -p, the build folder is the nearest one
/// above an opened file holding compile_commands.json (itself or its
/// build/). Log receives the server's own messages.
int runLspServer(const CheckOptions &Base, std::FILE *In, std::FILE *Out,
                 llvm::raw_ostream &Log);

} // namespace brisk

#endif // BRISK_ANALYZER_LSP_LSPSERVER_H
