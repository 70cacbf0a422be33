//===- VerifyCommands.h - brisk-pack verify and brisk-pack invoke ---------===//

#ifndef BRISK_PACKER_TOOL_VERIFYCOMMANDS_H
#define BRISK_PACKER_TOOL_VERIFYCOMMANDS_H

#include <string>

namespace brisk {

/// Whether argv names the verify or the invoke subcommand.
bool isVerifyCommand(int Argc, char **Argv);

/// Parses and runs `brisk-pack verify ...` or `brisk-pack invoke ...`;
/// returns the exit code.
int runVerifyCommand(int Argc, char **Argv, const std::string &RulesDir);

} // namespace brisk

#endif
