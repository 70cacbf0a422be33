//===- Transport.h - LSP base protocol: framed JSON over a stream ---------===//
//
// Each message is `Content-Length: N\r\n` (other headers ignored), a blank
// line, and N bytes of JSON, as the Language Server Protocol's base
// protocol specifies.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_ANALYZER_LSP_TRANSPORT_H
#define BRISK_ANALYZER_LSP_TRANSPORT_H

#include "llvm/Support/Error.h"

#include <cstdio>
#include <optional>
#include <string>

namespace brisk::lsp {

/// A message body bigger than this ends the session: memory stays bounded
/// whatever the client sends.
constexpr size_t MaxMessageBytes = size_t(64) << 20;

/// The next message's body; nullopt at a clean end of input; an error for
/// broken framing (after which the stream cannot be resynchronised).
llvm::Expected<std::optional<std::string>> readMessage(std::FILE *In);

/// Writes Body framed, and flushes.
void writeMessage(std::FILE *Out, const std::string &Body);

/// Moves the process's stdout to a private descriptor for the protocol and
/// points descriptor 1 at stderr, so that nothing else the process prints
/// can corrupt the stream. Returns the protocol's stream.
std::FILE *takeOverStdout();

} // namespace brisk::lsp

#endif // BRISK_ANALYZER_LSP_TRANSPORT_H
