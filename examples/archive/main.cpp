//===- main.cpp - Each event archived as a .tar.gz, through libarchive ----===//
//
// Stores every event as event.json in a gzip-compressed tar, in memory, and
// answers with the archive's size, as a function that archives what it
// receives before handing it on would. Nothing is kept between invocations.
//
//===----------------------------------------------------------------------===//

#include <aws/lambda-runtime/runtime.h>

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <string>
#include <vector>

using aws::lambda_runtime::invocation_request;
using aws::lambda_runtime::invocation_response;

// The .tar.gz of \p Payload as event.json; empty when libarchive fails.
static std::vector<char> archiveEvent(const std::string &Payload) {
  std::vector<char> Out(Payload.size() + 4096);
  size_t Used = 0;
  std::unique_ptr<archive, int (*)(archive *)> A(archive_write_new(),
                                                 archive_write_free);
  std::unique_ptr<archive_entry, void (*)(archive_entry *)> E(
      archive_entry_new(), archive_entry_free);
  archive_write_set_format_pax_restricted(A.get());
  archive_write_add_filter_gzip(A.get());
  if (archive_write_open_memory(A.get(), Out.data(), Out.size(), &Used) !=
      ARCHIVE_OK)
    return {};
  archive_entry_set_pathname(E.get(), "event.json");
  archive_entry_set_filetype(E.get(), AE_IFREG);
  archive_entry_set_perm(E.get(), 0644);
  archive_entry_set_size(E.get(), Payload.size());
  if (archive_write_header(A.get(), E.get()) != ARCHIVE_OK ||
      archive_write_data(A.get(), Payload.data(), Payload.size()) < 0 ||
      archive_write_close(A.get()) != ARCHIVE_OK)
    return {};
  Out.resize(Used);
  return Out;
}

static invocation_response handler(invocation_request const &Request) {
  std::vector<char> Archive = archiveEvent(Request.payload);
  if (Archive.empty())
    return invocation_response::failure("cannot archive the event",
                                        "ArchiveError");
  return invocation_response::success(
      "{\"statusCode\":200,\"headers\":{\"Content-Type\":"
      "\"application/json\"},\"body\":\"{\\\"archive_bytes\\\": " +
          std::to_string(Archive.size()) + "}\"}",
      "application/json");
}

int main() {
  aws::lambda_runtime::run_handler(handler);
  return 0;
}
