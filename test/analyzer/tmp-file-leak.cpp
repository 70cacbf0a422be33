// tmp-file-leak: files created under /tmp with a per-invocation name and
// never removed. Reported: an ofstream named after the request, fopen for
// writing, open with O_CREAT, mkstemp not unlinked, a name from the clock,
// a helper writing the path it is given, a path a helper builds. Silent: a scratch file removed with
// std::filesystem::remove, a fixed path overwritten each time, a file
// outside /tmp, a file opened for reading, mkstemp then unlink, a
// temporary-file class that removes in its destructor (reported without
// that removal: tmp-file-leak-class.cpp), a name from the environment, a
// download helper's file the handler removes by the path it returned, a
// cleanup loop over /tmp.
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,tmp-file-leak 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// RUN: %mkdb %t.clean -- -std=c++17 -isystem %S_inputs/include -DCLEAN_TMP -- %s
// RUN: brisk-check -p %t.clean --rules=-*,tmp-file-leak 2>&1 | count 0

#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace aws::lambda_runtime;

class TempFile {
public:
  explicit TempFile(const std::string &Name) : Path("/tmp/" + Name) {
    std::ofstream Create(Path);
  }
  ~TempFile() { std::remove(Path.c_str()); }

private:
  std::string Path;
};

static void saveTo(const std::string &Path, const std::string &Body) {
  std::ofstream Out(Path);
#ifndef CLEAN_TMP
  // CHECK: [[FILE:.*tmp-file-leak.cpp]]:[[@LINE-2]]:17: warning: 'std::basic_ofstream' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it; /tmp (512 MB by default) persists across warm invocations and fills up: remove it before returning, or reuse one fixed name [brisk-tmp-file-leak]
  // CHECK: [[FILE]]:118:3: note: 'handler' calls 'saveTo' here
#endif
  Out << Body;
}

static std::string spoolPath(const std::string &Id) {
  return "/tmp/spool-" + Id;
}

static std::string download(const std::string &Key) {
  std::string Path = "/tmp/dl-" + Key;
  std::ofstream Out(Path); // the handler removes what this returns: silent
  return Path;
}

static invocation_response handler(invocation_request const &Req) {
  std::string Spool = "/tmp/order-" + Req.request_id + ".json";
  std::ofstream(Spool) << Req.payload;
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:3: warning: 'std::basic_ofstream' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif

  char Log[128];
  std::snprintf(Log, sizeof Log, "/tmp/log-%s.txt", Req.request_id.c_str());
  FILE *F = std::fopen(Log, "w");
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:13: warning: 'fopen' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif
  if (F)
    std::fclose(F);

  std::string Lock = "/tmp/lock-" + Req.request_id;
  int Fd = open(Lock.c_str(), O_CREAT | O_WRONLY, 0600);
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:12: warning: 'open' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif
  close(Fd);

  char Template[] = "/tmp/upload-XXXXXX";
  int Unique = mkstemp(Template);
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:16: warning: 'mkstemp' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif
  close(Unique);

  std::string Stamped = "/tmp/t-" + std::to_string(std::time(nullptr));
  std::ofstream Timed(Stamped);
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:17: warning: 'std::basic_ofstream' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif

  std::ofstream Spooled(spoolPath(Req.request_id));
#ifndef CLEAN_TMP
  // CHECK: [[FILE]]:[[@LINE-2]]:17: warning: 'std::basic_ofstream' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it
#endif

  // Silent from here on.
  std::string Scratch = "/tmp/scratch-" + Req.request_id;
  std::ofstream(Scratch) << Req.payload;
  std::filesystem::remove(Scratch);
  std::ofstream Fixed("/tmp/last-response.json"); // overwritten each time
  std::ofstream Outside("/var/task/" + Req.request_id);
  std::ifstream Reading("/tmp/in-" + Req.request_id);
  char Mine[] = "/tmp/mine-XXXXXX";
  int Own = mkstemp(Mine);
  unlink(Mine);
  close(Own);
  TempFile Buffer(Req.request_id);
  const char *Dir = std::getenv("CACHE_NAME");
  std::ofstream Cached(std::string("/tmp/") + (Dir ? Dir : "cache"));

  std::string Got = download(Req.request_id);
  std::remove(Got.c_str());

  saveTo("/tmp/body-" + Req.request_id, Req.payload);
#ifdef CLEAN_TMP
  for (const auto &Entry : std::filesystem::directory_iterator("/tmp"))
    std::filesystem::remove_all(Entry.path());
#endif
  return invocation_response::success("ok", "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
