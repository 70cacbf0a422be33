//===- Transport.cpp - LSP base protocol: framed JSON over a stream -------===//

#include "lsp/Transport.h"

#include "llvm/ADT/StringRef.h"

#include <unistd.h>

namespace brisk::lsp {

namespace {

llvm::Error protocolError(const llvm::Twine &T) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), T);
}

/// One header line without its CRLF; nullopt at end of input.
std::optional<std::string> readHeaderLine(std::FILE *In) {
  std::string Line;
  int C;
  while ((C = std::fgetc(In)) != EOF) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return Line;
    }
    Line.push_back(char(C));
    if (Line.size() > 4096)
      return Line; // reported as a malformed header by the caller
  }
  if (Line.empty())
    return std::nullopt;
  return Line;
}

} // namespace

llvm::Expected<std::optional<std::string>> readMessage(std::FILE *In) {
  std::optional<size_t> Length;
  bool AnyHeader = false;
  while (true) {
    std::optional<std::string> Line = readHeaderLine(In);
    if (!Line) {
      if (AnyHeader)
        return protocolError("input ended inside a message header");
      return std::nullopt;
    }
    if (Line->empty()) {
      if (!AnyHeader)
        continue; // tolerate blank lines between messages
      break;
    }
    AnyHeader = true;
    auto [Name, Value] = llvm::StringRef(*Line).split(':');
    if (Name.trim().equals_insensitive("Content-Length")) {
      size_t N;
      if (Value.trim().getAsInteger(10, N))
        return protocolError("bad Content-Length '" + Value.trim() + "'");
      Length = N;
    }
  }
  if (!Length)
    return protocolError("message header without Content-Length");
  if (*Length > MaxMessageBytes)
    return protocolError("message of " + llvm::Twine(*Length) +
                         " bytes is over the limit of " +
                         llvm::Twine(MaxMessageBytes));
  std::string Body(*Length, '\0');
  if (std::fread(Body.data(), 1, *Length, In) != *Length)
    return protocolError("input ended inside a message body");
  return std::optional<std::string>(std::move(Body));
}

void writeMessage(std::FILE *Out, const std::string &Body) {
  std::fprintf(Out, "Content-Length: %zu\r\n\r\n", Body.size());
  std::fwrite(Body.data(), 1, Body.size(), Out);
  std::fflush(Out);
}

std::FILE *takeOverStdout() {
  std::fflush(stdout);
  int Protocol = ::dup(STDOUT_FILENO);
  if (Protocol < 0)
    return stdout;
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  std::FILE *Out = ::fdopen(Protocol, "w");
  return Out ? Out : stdout;
}

} // namespace brisk::lsp
