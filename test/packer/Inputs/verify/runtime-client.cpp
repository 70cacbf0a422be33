// A small Lambda function on the 2018-06-01 Runtime API over raw sockets, so
// that verify's tests control exactly what it does. Built by the tests with
// one behaviour chosen by a macro:
//   (none)      answers {"ok":true} to every event
//   LEAK        per invocation: appends 64 KiB to a global vector, writes a
//               64 KiB file under /tmp, keeps a descriptor and a thread, and
//               answers with the invocation count
//   CRASH       dies of SIGSEGV in its first invocation
//   HANG        never answers
//   INIT_ERROR  reports an init error and exits
#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

struct Reply {
  std::string Headers, Body;
};

// One request per connection (Connection: close), read to the end.
Reply call(const std::string &Method, const std::string &Path,
           const std::string &Body = "") {
  std::string Api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  size_t Colon = Api.rfind(':');
  sockaddr_in Addr{};
  Addr.sin_family = AF_INET;
  Addr.sin_port = htons(std::atoi(Api.c_str() + Colon + 1));
  inet_pton(AF_INET, Api.substr(0, Colon).c_str(), &Addr.sin_addr);
  int S = socket(AF_INET, SOCK_STREAM, 0);
  if (S < 0 || connect(S, reinterpret_cast<sockaddr *>(&Addr), sizeof Addr))
    std::exit(3);
  std::string Request = Method + " /2018-06-01/runtime" + Path +
                        " HTTP/1.1\r\nHost: runtime\r\nConnection: close\r\n"
                        "Content-Type: application/json\r\nContent-Length: " +
                        std::to_string(Body.size()) + "\r\n\r\n" + Body;
  if (write(S, Request.data(), Request.size()) != ssize_t(Request.size()))
    std::exit(3);
  std::string Raw;
  char Buffer[65536];
  for (ssize_t N; (N = read(S, Buffer, sizeof Buffer)) > 0;)
    Raw.append(Buffer, N);
  close(S);
  size_t End = Raw.find("\r\n\r\n");
  if (End == std::string::npos)
    std::exit(3);
  return {Raw.substr(0, End), Raw.substr(End + 4)};
}

std::string header(const std::string &Headers, const std::string &Name) {
  size_t At = Headers.find(Name + ": ");
  if (At == std::string::npos)
    return "";
  At += Name.size() + 2;
  return Headers.substr(At, Headers.find("\r\n", At) - At);
}

#ifdef LEAK
std::vector<std::string> Seen;
#endif

} // namespace

int main() {
#ifdef INIT_ERROR
  call("POST", "/init/error",
       R"({"errorMessage":"cannot read config","errorType":"ConfigError"})");
  return 1;
#endif
  for (unsigned Count = 1;; ++Count) {
    Reply Next = call("GET", "/invocation/next");
    std::string Id = header(Next.Headers, "Lambda-Runtime-Aws-Request-Id");
    std::string Answer = R"({"ok":true})";
#ifdef CRASH
    std::raise(SIGSEGV);
#endif
#ifdef HANG
    pause();
#endif
#ifdef LEAK
    Seen.push_back(std::string(64 * 1024, 'x'));
    std::string Tmp = "/tmp/request-" + std::to_string(Count);
    if (FILE *F = std::fopen(Tmp.c_str(), "w")) {
      std::fwrite(Seen.back().data(), 1, Seen.back().size(), F);
      std::fclose(F);
    }
    open("/dev/null", O_RDONLY);
    std::thread([] { pause(); }).detach();
    Answer = "{\"count\":" + std::to_string(Count) + "}";
#endif
    call("POST", "/invocation/" + Id + "/response", Answer);
  }
}
