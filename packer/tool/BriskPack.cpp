//===- BriskPack.cpp - brisk-pack command line --------------------------===//

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::OptionCategory BriskPackCategory("brisk-pack options");

int main(int Argc, char **Argv) {
  InitLLVM X(Argc, Argv);
  cl::HideUnrelatedOptions(BriskPackCategory);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "brisk-pack " << BRISK_VERSION << "\n";
  });
  cl::ParseCommandLineOptions(Argc, Argv,
                              "brisk-pack: pack AWS Lambda functions small and "
                              "deterministic\n");
  return 0;
}
