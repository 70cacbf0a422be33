//===- VerifyCommands.cpp - brisk-pack verify and brisk-pack invoke -------===//
//
// brisk-pack verify OUT_DIR [--function NAME] [--event FILE|NAME]
//     [--expect FILE] [--timeout S] [--invocations N] [--memory MB]
//     [--host-base] [--report FILE]
// brisk-pack invoke OUT_DIR NAME [--event FILE|NAME] [-n N] [--timeout S]
//     [--memory MB] [--host-base]
// See docs/verify.md.
//
//===----------------------------------------------------------------------===//

#include "tool/VerifyCommands.h"
#include "verify/EventLibrary.h"
#include "verify/InvokeRun.h"
#include "verify/VerifyRun.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace brisk {

namespace {

cl::OptionCategory Category("brisk-pack verify and invoke options");
cl::SubCommand Verify("verify",
                      "Run each packed function in a sandbox against a local "
                      "Runtime API: does it start, answer and stay bounded?");
cl::SubCommand Invoke("invoke", "Invoke one packed function in the sandbox "
                                "and print its answers");

cl::opt<std::string> OutDir(cl::Positional, cl::Required, cl::desc("<OUT_DIR>"),
                            cl::sub(Verify), cl::sub(Invoke),
                            cl::cat(Category));
cl::opt<std::string> FunctionName(cl::Positional, cl::Required,
                                  cl::desc("<NAME>"), cl::sub(Invoke),
                                  cl::cat(Category));
cl::opt<std::string> OnlyFunction("function",
                                  cl::desc("Verify only this function"),
                                  cl::value_desc("NAME"), cl::sub(Verify),
                                  cl::cat(Category));
cl::opt<std::string>
    EventSpec("event",
              cl::desc("A standard event from rules/events or a JSON file "
                       "(default apigw-http-v2)"),
              cl::value_desc("NAME|FILE"), cl::init(DefaultEventName),
              cl::sub(Verify), cl::sub(Invoke), cl::cat(Category));
cl::opt<std::string> ExpectFile("expect",
                                cl::desc("The response every invocation must "
                                         "give"),
                                cl::value_desc("FILE"), cl::sub(Verify),
                                cl::cat(Category));
cl::opt<double> Timeout("timeout",
                        cl::desc("The function's timeout in seconds "
                                 "(default 3)"),
                        cl::value_desc("S"), cl::init(3), cl::sub(Verify),
                        cl::sub(Invoke), cl::cat(Category));
cl::opt<unsigned>
    Invocations("invocations",
                cl::desc("Invocations of the event per warm environment "
                         "(default 20)"),
                cl::value_desc("N"), cl::init(20), cl::sub(Verify),
                cl::cat(Category));
cl::opt<unsigned> Count("n", cl::desc("Invocations (default 1)"),
                        cl::value_desc("N"), cl::init(1), cl::sub(Invoke),
                        cl::cat(Category));
cl::opt<unsigned> Memory("memory",
                         cl::desc("The function's memory in MB (default 128)"),
                         cl::value_desc("MB"), cl::init(128), cl::sub(Verify),
                         cl::sub(Invoke), cl::cat(Category));
cl::opt<bool> HostBase("host-base",
                       cl::desc("Bind the host's /usr, /lib and /lib64 "
                                "instead of the base-image stand-in"),
                       cl::sub(Verify), cl::sub(Invoke), cl::cat(Category));
cl::opt<std::string> ReportFile("report",
                                cl::desc("Write a JSON report with every "
                                         "sample and unopened file"),
                                cl::value_desc("FILE"), cl::sub(Verify),
                                cl::cat(Category));

} // namespace

bool isVerifyCommand(int Argc, char **Argv) {
  return Argc > 1 &&
         (StringRef(Argv[1]) == "verify" || StringRef(Argv[1]) == "invoke");
}

int runVerifyCommand(int Argc, char **Argv, const std::string &RulesDir) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(Category, Verify);
  cl::HideUnrelatedOptions(Category, Invoke);
  if (!cl::ParseCommandLineOptions(
          Argc, Argv, "brisk-pack: run packed Lambda functions locally\n",
          &errs()))
    return VerifyBadInput;
  auto Shared = [&](RunRequest &R) {
    R.OutDir = OutDir;
    R.RulesDir = RulesDir;
    R.EventSpec = EventSpec;
    R.TimeoutSeconds = Timeout;
    R.MemoryMb = Memory;
    R.HostBase = HostBase;
  };
  if (Verify) {
    VerifyRequest R;
    Shared(R);
    R.Function = OnlyFunction;
    R.ExpectFile = ExpectFile;
    R.ReportFile = ReportFile;
    R.Invocations = Invocations;
    return runVerify(R, outs(), errs());
  }
  InvokeRequest R;
  Shared(R);
  R.Function = FunctionName;
  R.Count = Count;
  return runInvoke(R, outs(), errs());
}

} // namespace brisk
