//===- main.cpp - SHA-256 of each event, through OpenSSL ------------------===//
//
// Answers every event with the SHA-256 of its payload, as an API Gateway
// proxy response. The digest algorithm is fetched once, in init; the
// handler only hashes.
//
//===----------------------------------------------------------------------===//

#include <aws/lambda-runtime/runtime.h>

#include <openssl/evp.h>

#include <cstdio>
#include <string>

using aws::lambda_runtime::invocation_request;
using aws::lambda_runtime::invocation_response;

static std::string hexDigest(EVP_MD *Sha256, const std::string &Bytes) {
  unsigned char Digest[EVP_MAX_MD_SIZE];
  unsigned Length = 0;
  if (!EVP_Digest(Bytes.data(), Bytes.size(), Digest, &Length, Sha256, nullptr))
    return "";
  std::string Hex;
  char Byte[3];
  for (unsigned I = 0; I < Length; ++I) {
    std::snprintf(Byte, sizeof Byte, "%02x", Digest[I]);
    Hex += Byte;
  }
  return Hex;
}

int main() {
  EVP_MD *Sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!Sha256)
    return 1;
  aws::lambda_runtime::run_handler([Sha256](invocation_request const &Request) {
    std::string Hex = hexDigest(Sha256, Request.payload);
    if (Hex.empty())
      return invocation_response::failure("cannot hash the event",
                                          "DigestError");
    return invocation_response::success(
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":"
        "\"application/json\"},\"body\":\"{\\\"sha256\\\": \\\"" +
            Hex + "\\\"}\"}",
        "application/json");
  });
  EVP_MD_free(Sha256);
  return 0;
}
