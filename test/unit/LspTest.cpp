//===- LspTest.cpp - LSP framing, URIs and positions ----------------------===//

#include "lsp/Diagnostics.h"
#include "lsp/Transport.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace brisk;
using namespace brisk::lsp;

namespace {

/// The messages in Input, or the first error.
std::vector<std::string> readAll(const std::string &Input, std::string &Error) {
  std::FILE *In = fmemopen(const_cast<char *>(Input.data()), Input.size(), "r");
  std::vector<std::string> Out;
  while (true) {
    auto M = readMessage(In);
    if (!M) {
      Error = llvm::toString(M.takeError());
      break;
    }
    if (!*M)
      break;
    Out.push_back(**M);
  }
  std::fclose(In);
  return Out;
}

TEST(LspTransport, ReadsFramedMessages) {
  std::string Error;
  EXPECT_EQ(readAll("Content-Length: 2\r\n\r\n{}"
                    "Content-Type: application/vscode-jsonrpc\r\n"
                    "content-length:3\r\n\r\n[1]",
                    Error),
            (std::vector<std::string>{"{}", "[1]"}));
  EXPECT_EQ(Error, "");
}

TEST(LspTransport, RejectsBrokenFraming) {
  std::string Error;
  readAll("Content-Type: x\r\n\r\n{}", Error);
  EXPECT_EQ(Error, "message header without Content-Length");
  readAll("Content-Length: 10\r\n\r\n{}", Error);
  EXPECT_EQ(Error, "input ended inside a message body");
  readAll("Content-Length: 99999999999\r\n\r\n", Error);
  EXPECT_EQ(Error,
            "message of 99999999999 bytes is over the limit of 67108864");
  readAll("Content-Length: 2\r\n", Error);
  EXPECT_EQ(Error, "input ended inside a message header");
}

TEST(LspUri, RoundTripsPaths) {
  EXPECT_EQ(pathToUri("/src/a b/größe.cpp"),
            "file:///src/a%20b/gr%C3%B6%C3%9Fe.cpp");
  EXPECT_EQ(uriToPath("file:///src/a%20b/gr%C3%B6%C3%9Fe.cpp"),
            "/src/a b/größe.cpp");
  EXPECT_EQ(uriToPath("file://localhost/x.cpp"), "/x.cpp");
  EXPECT_EQ(uriToPath("file://server/x.cpp"), std::nullopt);
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///bad%2"), std::nullopt);
  EXPECT_EQ(uriToPath("file:///bad%zz"), std::nullopt);
}

} // namespace
