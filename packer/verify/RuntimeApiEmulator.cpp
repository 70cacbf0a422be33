//===- RuntimeApiEmulator.cpp - A local Lambda Runtime API ----------------===//

#include "verify/RuntimeApiEmulator.h"
#include "verify/LoopbackNetwork.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

using namespace llvm;
using Clock = std::chrono::steady_clock;

namespace brisk {

namespace {

constexpr const char *NextPath = "/2018-06-01/runtime/invocation/next";
constexpr const char *ResponsePath =
    R"(/2018-06-01/runtime/invocation/([^/]*)/response)";
constexpr const char *ErrorPath =
    R"(/2018-06-01/runtime/invocation/([^/]*)/error)";
constexpr const char *InitErrorPath = "/2018-06-01/runtime/init/error";

double millisecondsSince(Clock::time_point Start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - Start)
      .count();
}

/// Lambda's error document: {"errorMessage": ..., "errorType": ...}.
void replyError(httplib::Response &Res, int Status, const std::string &Type,
                const std::string &Message) {
  nlohmann::ordered_json Body = {{"errorMessage", Message},
                                 {"errorType", Type}};
  Res.status = Status;
  Res.set_content(Body.dump(), "application/json");
}

void replyAccepted(httplib::Response &Res) {
  Res.status = 202;
  Res.set_content(R"({"status":"OK"})", "application/json");
}

/// Reads a posted body, keeping at most MaxPayloadBytes + 1 bytes in memory
/// (enough to tell that it is too large) however much the runtime sends.
std::pair<std::string, uint64_t>
readBounded(const httplib::ContentReader &Reader) {
  std::string Body;
  uint64_t Total = 0;
  Reader([&](const char *Data, size_t Length) {
    Total += Length;
    size_t Room = MaxPayloadBytes + 1 - Body.size();
    Body.append(Data, std::min(Length, Room));
    return true;
  });
  return {std::move(Body), Total};
}

} // namespace

const char *RuntimeApiEmulator::phaseName(Phase P) {
  switch (P) {
  case Phase::Started:
    return "Started";
  case Phase::Ready:
    return "Ready";
  case Phase::Running:
    return "Running";
  case Phase::ResponseSent:
    return "RuntimeResponseSentState";
  case Phase::InitError:
    return "InitError";
  }
  return "";
}

RuntimeApiEmulator::RuntimeApiEmulator()
    : Server(std::make_unique<httplib::Server>()) {}

Expected<std::unique_ptr<RuntimeApiEmulator>>
RuntimeApiEmulator::start(bool PrivateNetwork) {
  std::unique_ptr<RuntimeApiEmulator> E(new RuntimeApiEmulator());
  E->installRoutes();
  // Nagle's algorithm would add tens of milliseconds to every small answer.
  E->Server->set_tcp_nodelay(true);
  // One runtime keeps one connection for its whole life.
  E->Server->set_keep_alive_max_count(1u << 30);
  E->ServerThread =
      std::thread([&Self = *E, PrivateNetwork] { Self.serve(PrivateNetwork); });
  std::unique_lock<std::mutex> Lock(E->Mutex);
  E->Changed.wait(Lock, [&] { return E->Listening || !E->StartError.empty(); });
  if (!E->StartError.empty()) {
    std::string Message = E->StartError;
    Lock.unlock();
    E->ServerThread.join();
    return createStringError("cannot start the Runtime API emulator: " +
                             Message);
  }
  Lock.unlock();
  // stop() is a no-op until listen_after_bind has begun: wait for it, so the
  // destructor can always stop the server.
  while (!E->Server->is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return E;
}

void RuntimeApiEmulator::serve(bool PrivateNetwork) {
  auto Fail = [&](std::string Message) {
    std::lock_guard<std::mutex> Lock(Mutex);
    StartError = std::move(Message);
    Changed.notify_all();
  };
  if (PrivateNetwork) {
    Expected<int> Namespace = enterLoopbackOnlyNetwork();
    if (!Namespace)
      return Fail(toString(Namespace.takeError()));
    NetworkNamespace = *Namespace;
  }
  int Bound = Server->bind_to_any_port("127.0.0.1");
  if (Bound < 0)
    return Fail("cannot bind a port on 127.0.0.1");
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Port = Bound;
    Listening = true;
    Changed.notify_all();
  }
  Server->listen_after_bind();
}

RuntimeApiEmulator::~RuntimeApiEmulator() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
    Changed.notify_all();
  }
  Server->stop();
  if (ServerThread.joinable())
    ServerThread.join();
  if (NetworkNamespace >= 0)
    close(NetworkNamespace);
}

std::string RuntimeApiEmulator::endpoint() const {
  return "127.0.0.1:" + std::to_string(Port);
}

void RuntimeApiEmulator::installRoutes() {
  using httplib::ContentReader;
  using httplib::Request;
  using httplib::Response;

  Server->Get(NextPath, [this](const Request &, Response &Res) {
    std::unique_lock<std::mutex> Lock(Mutex);
    if (State == Phase::Running || State == Phase::InitError)
      return replyError(Res, 403, "InvalidStateTransition",
                        std::string("State transition from ") +
                            phaseName(State) +
                            " to Ready failed for runtime. Error: State "
                            "transition is not allowed");
    if (State == Phase::Started)
      InitMilliseconds = millisecondsSince(StartedAt);
    State = Phase::Ready;
    ++Polling;
    Changed.notify_all();
    Changed.wait(Lock, [&] { return Pending.has_value() || Stopping; });
    --Polling;
    if (Stopping)
      return replyError(Res, 500, "InternalServerError",
                        "Internal Server Error");
    Invocation Event = std::move(*Pending);
    Pending.reset();
    CurrentId = Event.RequestId;
    Answer.reset();
    State = Phase::Running;
    DeliveredAt = Clock::now();
    auto Deadline = std::chrono::duration_cast<std::chrono::milliseconds>(
        (std::chrono::system_clock::now() + CurrentTimeout).time_since_epoch());
    Res.set_header("Lambda-Runtime-Aws-Request-Id", Event.RequestId);
    Res.set_header("Lambda-Runtime-Deadline-Ms",
                   std::to_string(Deadline.count()));
    Res.set_header("Lambda-Runtime-Invoked-Function-Arn", Event.FunctionArn);
    Res.set_header("Lambda-Runtime-Trace-Id", Event.TraceId);
    if (!Event.ClientContext.empty())
      Res.set_header("Lambda-Runtime-Client-Context", Event.ClientContext);
    if (!Event.CognitoIdentity.empty())
      Res.set_header("Lambda-Runtime-Cognito-Identity", Event.CognitoIdentity);
    Res.set_content(Event.Payload, "application/json");
  });

  // response and error differ in what they record and in the state Lambda
  // names when the transition is refused.
  auto Answering = [this](bool IsError) {
    return [this, IsError](const Request &Req, Response &Res,
                           const ContentReader &Reader) {
      auto [Body, Total] = readBounded(Reader);
      std::lock_guard<std::mutex> Lock(Mutex);
      std::string Id = Req.matches[1];
      if (Id.empty() || Id != CurrentId)
        return replyError(Res, 400, "InvalidRequestID", "Invalid request ID");
      if (State != Phase::Running)
        return replyError(
            Res, 403, "InvalidStateTransition",
            std::string("State transition from ") + phaseName(State) + " to " +
                (IsError ? "InvocationErrorResponse" : "InvocationResponse") +
                " failed for runtime. Error: State transition is not allowed");
      RuntimeAnswer A;
      A.Milliseconds = millisecondsSince(DeliveredAt);
      State = Phase::ResponseSent;
      if (!IsError && Total > MaxPayloadBytes) {
        // Lambda turns the invocation into this error and tells the runtime.
        A.Event = RuntimeEvent::Error;
        A.ErrorType = "Function.ResponseSizeTooLarge";
        A.Body = nlohmann::ordered_json(
                     {{"errorMessage",
                       "Response payload size (" + std::to_string(Total) +
                           " bytes) exceeded maximum allowed payload size (" +
                           std::to_string(MaxPayloadBytes) + " bytes)."},
                      {"errorType", A.ErrorType}})
                     .dump();
        Answer = std::move(A);
        Changed.notify_all();
        return replyError(Res, 413, "RequestEntityTooLarge",
                          "Exceeded maximum allowed payload size (" +
                              std::to_string(MaxPayloadBytes) + " bytes).");
      }
      A.Event = IsError ? RuntimeEvent::Error : RuntimeEvent::Response;
      A.Body = std::move(Body);
      A.ContentType = Req.get_header_value("Content-Type");
      A.ErrorType = Req.get_header_value("Lambda-Runtime-Function-Error-Type");
      Answer = std::move(A);
      Changed.notify_all();
      replyAccepted(Res);
    };
  };
  Server->Post(ResponsePath, Answering(false));
  Server->Post(ErrorPath, Answering(true));

  Server->Post(InitErrorPath, [this](const Request &Req, Response &Res,
                                     const ContentReader &Reader) {
    auto [Body, Total] = readBounded(Reader);
    std::lock_guard<std::mutex> Lock(Mutex);
    if (State != Phase::Started)
      return replyError(Res, 403, "InvalidStateTransition",
                        std::string("State transition from ") +
                            phaseName(State) +
                            " to InitError failed for runtime. Error: State "
                            "transition is not allowed");
    RuntimeAnswer A;
    A.Event = RuntimeEvent::InitError;
    A.Body = std::move(Body);
    A.ErrorType = Req.get_header_value("Lambda-Runtime-Function-Error-Type");
    A.Milliseconds = millisecondsSince(StartedAt);
    Answer = std::move(A);
    State = Phase::InitError;
    Changed.notify_all();
    replyAccepted(Res);
  });

  // A known path with the wrong method is 405, as Lambda's router answers;
  // anything else is httplib's 404.
  auto NotAllowed = [](const Request &, Response &Res) { Res.status = 405; };
  for (const char *Path : {ResponsePath, ErrorPath, InitErrorPath}) {
    Server->Get(Path, NotAllowed);
    Server->Put(Path, NotAllowed);
    Server->Delete(Path, NotAllowed);
  }
  Server->Post(NextPath, NotAllowed);
  Server->Put(NextPath, NotAllowed);
  Server->Delete(NextPath, NotAllowed);
}

void RuntimeApiEmulator::runtimeStarting() {
  std::lock_guard<std::mutex> Lock(Mutex);
  StartedAt = Clock::now();
  State = Phase::Started;
  Exited = false;
}

void RuntimeApiEmulator::runtimeExited() {
  std::lock_guard<std::mutex> Lock(Mutex);
  Exited = true;
  Changed.notify_all();
}

RuntimeAnswer RuntimeApiEmulator::waitForInit(std::chrono::milliseconds Limit) {
  std::unique_lock<std::mutex> Lock(Mutex);
  Changed.wait_for(Lock, Limit,
                   [&] { return State != Phase::Started || Exited; });
  if (State == Phase::InitError)
    return *Answer;
  RuntimeAnswer A;
  if (State != Phase::Started) {
    A.Event = RuntimeEvent::Ready;
    A.Milliseconds = InitMilliseconds;
  } else {
    A.Event = Exited ? RuntimeEvent::Exited : RuntimeEvent::TimedOut;
    A.Milliseconds = millisecondsSince(StartedAt);
  }
  return A;
}

RuntimeAnswer RuntimeApiEmulator::invoke(const Invocation &Event,
                                         std::chrono::milliseconds Timeout) {
  std::unique_lock<std::mutex> Lock(Mutex);
  Pending = Event;
  CurrentTimeout = Timeout;
  Changed.notify_all();
  Clock::time_point QueuedAt = Clock::now();
  auto Delivered = [&] { return CurrentId == Event.RequestId && !Pending; };
  auto Answered = [&] { return Delivered() && Answer.has_value(); };
  // The timeout counts from delivery, as Lambda's does; an event the runtime
  // never takes times out counting from now.
  while (!Answered() && !Exited) {
    Clock::time_point Deadline =
        (Delivered() ? DeliveredAt : QueuedAt) + Timeout;
    if (Clock::now() >= Deadline)
      break;
    Changed.wait_until(Lock, Deadline);
  }
  if (Answered())
    return *Answer;
  RuntimeAnswer A;
  A.Event = Exited ? RuntimeEvent::Exited : RuntimeEvent::TimedOut;
  A.Milliseconds = millisecondsSince(Delivered() ? DeliveredAt : QueuedAt);
  Pending.reset();
  return A;
}

bool RuntimeApiEmulator::waitForIdle(std::chrono::milliseconds Limit) {
  std::unique_lock<std::mutex> Lock(Mutex);
  return Changed.wait_for(Lock, Limit, [&] {
    return (Polling > 0 && State == Phase::Ready) || Exited;
  }) && !Exited;
}

} // namespace brisk
