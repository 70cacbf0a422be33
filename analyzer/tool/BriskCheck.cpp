//===- BriskCheck.cpp - brisk-check command line --------------------------===//

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::OptionCategory BriskCheckCategory("brisk-check options");

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(BriskCheckCategory);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "brisk-check " << BRISK_VERSION << "\n";
  });
  cl::ParseCommandLineOptions(Argc, Argv,
                              "brisk-check: find per-invocation work in "
                              "AWS Lambda handlers\n");
  return 0;
}
