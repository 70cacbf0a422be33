// A temporary-file class that creates its file under /tmp with a name from
// the request: reported where the constructor creates it, unless the
// destructor removes it (the paths are one member of the object).
// RUN: %mkdb %t -- -std=c++17 -isystem %S_inputs/include -- %s
// RUN: not brisk-check -p %t --rules=-*,tmp-file-leak 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %mkdb %t.removes -- -std=c++17 -isystem %S_inputs/include -DREMOVES -- %s
// RUN: brisk-check -p %t.removes --rules=-*,tmp-file-leak 2>&1 | count 0

#include <aws/lambda-runtime/runtime.h>

#include <cstdio>
#include <fstream>
#include <string>

using namespace aws::lambda_runtime;

class TempFile {
public:
  explicit TempFile(const std::string &Name) : Path("/tmp/" + Name) {
    std::ofstream Create(Path);
    // CHECK: [[FILE:.*tmp-file-leak-class.cpp]]:[[@LINE-1]]:19: warning: 'std::basic_ofstream' in handler 'handler': creates a file under /tmp with a name that changes per invocation, and nothing removes it; /tmp (512 MB by default) persists across warm invocations and fills up: remove it before returning, or reuse one fixed name [brisk-tmp-file-leak]
    // CHECK: [[FILE]]:34:12: note: 'handler' calls 'TempFile::TempFile' here
  }
#ifdef REMOVES
  ~TempFile() { std::remove(Path.c_str()); }
#endif
  const std::string &path() const { return Path; }

private:
  std::string Path;
};

static invocation_response handler(invocation_request const &Req) {
  TempFile Buffer(Req.request_id);
  return invocation_response::success(Buffer.path(), "text/plain");
}

int main() {
  run_handler(handler);
  return 0;
}
