//===- RuntimeApiEmulator.h - A local Lambda Runtime API ------------------===//
//
// The 2018-06-01 Runtime API a function's runtime polls, served by
// cpp-httplib on 127.0.0.1 at an ephemeral port: GET invocation/next hands
// out one event at a time with Lambda's headers, POST invocation/ID/response
// and invocation/ID/error answer it, POST init/error reports a failed init.
// Requests out of turn get the status codes and error documents Lambda's own
// implementation gives (400 InvalidRequestID, 403 InvalidStateTransition, 413
// RequestEntityTooLarge, 404, 405). The emulator records the init time
// (process start to the first next), each invocation's duration and what
// the runtime posted.
//
//===----------------------------------------------------------------------===//

#ifndef BRISK_PACKER_VERIFY_RUNTIMEAPIEMULATOR_H
#define BRISK_PACKER_VERIFY_RUNTIMEAPIEMULATOR_H

#include "llvm/Support/Error.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace brisk {

/// Lambda's limit on a synchronous invocation's event and response, as its
/// Runtime API enforces it.
constexpr uint64_t MaxPayloadBytes = 6 * 1024 * 1024 + 100;

/// One event for the runtime, with the context Lambda sends as headers.
struct Invocation {
  std::string RequestId;
  std::string Payload;
  std::string FunctionArn;
  std::string TraceId;
  /// Sent only when not empty, as Lambda does.
  std::string ClientContext;
  std::string CognitoIdentity;
};

/// How waiting for the runtime ended.
enum class RuntimeEvent {
  Ready,     // init: the runtime called next
  Response,  // it posted invocation/ID/response
  Error,     // it posted invocation/ID/error (or its response was too big)
  InitError, // it posted init/error
  Exited,    // its process ended (runtimeExited)
  TimedOut,  // the limit passed first
};

/// What the runtime answered, and how long it took.
struct RuntimeAnswer {
  RuntimeEvent Event = RuntimeEvent::TimedOut;
  std::string Body;        // the response payload or the error document
  std::string ContentType; // of a response
  std::string ErrorType;   // Lambda-Runtime-Function-Error-Type, if sent
  /// Init: process start to the first next. Invocation: delivery of the event
  /// to the runtime's post.
  double Milliseconds = 0;
};

class RuntimeApiEmulator {
public:
  /// Starts serving. With \p PrivateNetwork the socket lives in a new network
  /// namespace that has only loopback (see LoopbackNetwork.h) and
  /// networkNamespace() names it; that needs CAP_SYS_ADMIN.
  static llvm::Expected<std::unique_ptr<RuntimeApiEmulator>>
  start(bool PrivateNetwork);
  ~RuntimeApiEmulator();
  RuntimeApiEmulator(const RuntimeApiEmulator &) = delete;
  RuntimeApiEmulator &operator=(const RuntimeApiEmulator &) = delete;

  /// "127.0.0.1:PORT", for AWS_LAMBDA_RUNTIME_API.
  std::string endpoint() const;
  /// The network namespace the socket is in, or -1 on the host's.
  int networkNamespace() const { return NetworkNamespace; }

  /// The runtime's process starts now: the init clock starts.
  void runtimeStarting();
  /// The runtime's process ended: every wait returns Exited.
  void runtimeExited();

  /// Waits until the runtime calls next for the first time (Ready), posts
  /// init/error, exits or \p Limit passes.
  RuntimeAnswer waitForInit(std::chrono::milliseconds Limit);
  /// Hands \p Event to the runtime's next and waits for its answer, at most
  /// \p Timeout from delivery (also the deadline header it sees).
  RuntimeAnswer invoke(const Invocation &Event,
                       std::chrono::milliseconds Timeout);
  /// Waits until the runtime is blocked in next again, as Lambda freezes it
  /// between invocations. False when it exited or \p Limit passed.
  bool waitForIdle(std::chrono::milliseconds Limit);

private:
  /// The states of Lambda's runtime state machine, named as its errors do.
  enum class Phase { Started, Ready, Running, ResponseSent, InitError };
  static const char *phaseName(Phase P);

  RuntimeApiEmulator();
  void installRoutes();
  void serve(bool PrivateNetwork);

  std::unique_ptr<httplib::Server> Server;
  std::thread ServerThread;
  int Port = -1;
  int NetworkNamespace = -1;
  std::string StartError;

  mutable std::mutex Mutex;
  std::condition_variable Changed;
  bool Listening = false, Stopping = false, Exited = false;
  Phase State = Phase::Started;
  unsigned Polling = 0; // next requests blocked waiting for an event
  std::optional<Invocation> Pending;
  std::string CurrentId;
  std::optional<RuntimeAnswer> Answer; // for CurrentId, or the init error
  std::chrono::steady_clock::time_point StartedAt, DeliveredAt;
  std::chrono::milliseconds CurrentTimeout{0};
  double InitMilliseconds = 0;
};

} // namespace brisk

#endif
